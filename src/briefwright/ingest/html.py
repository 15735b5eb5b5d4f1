"""Turn an HTML page, saved from a browser or fetched, into its article's text (trafilatura
finds the article and drops the page's furniture), its metadata with where each value came
from, and a list of the furniture removed."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import trafilatura
from trafilatura.utils import load_html

from briefwright.errors import BriefError, Location
from briefwright.ingest.document import Extracted
from briefwright.ingest.metadata import read_metadata
from briefwright.model.source import Found

#: Elements whose start and end break a line of the page's text.
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "button", "dd", "details",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "option", "p",
        "pre", "section", "select", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul",
    }
)  # fmt: skip
_UNSEEN = frozenset({"script", "style", "noscript", "template", "head", "svg"})
_LOWER = "translate(@style, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ', 'abcdefghijklmnopqrstuvwxyz')"
#: What a reader of the page never sees: trafilatura leaves it out (`prune_xpath`), and
#: `remove_hidden` lists it.
HIDDEN = (
    f"//*[@hidden] | //*[contains({_LOWER}, 'display:none')] | "
    f"//*[contains({_LOWER}, 'visibility:hidden')]"
)
#: Elements that show another document or a drawing, not text.
_EMBEDDED = "//iframe | //frame | //object | //embed | //svg | //canvas | //video | //audio"
#: Longest entry of the furniture list, in characters (the page itself is kept beside).
MAX_REMOVED_ENTRY = 200
_FURNITURE_XPATH = (
    "//nav | //header | //footer | //aside | //form | //*[@role='navigation' or "
    "@role='banner' or @role='contentinfo' or @role='complementary']"
)
#: Shortest page line counted as the article's when found inside one of its paragraphs.
MIN_INSIDE = 40
_SPACE = re.compile(r"\s+")
_FALLBACKS = (("title", "title"), ("sitename", "publisher"), ("author", "author"),
              ("date", "published"))  # fmt: skip


def extract_page(raw: bytes | str, name: str) -> Extracted:
    """Return the article of an HTML page (bytes, or text already decoded by its charset)."""
    tree = load_html(raw)
    if tree is None:
        raise BriefError.of("BW013", "the page cannot be read as HTML", Location(name))
    found, notes = read_metadata(tree)
    hidden = remove_hidden(tree)
    # Precision over recall: text left out shows up as a quote not found (BW101); furniture
    # kept in would pass silently as the article's words.
    document: Any = trafilatura.bare_extraction(
        raw, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True,
        include_formatting=False, include_links=False, deduplicate=False, prune_xpath=HIDDEN,
    )  # fmt: skip
    lines = [line.strip() for line in (document.text if document else "").split("\n")]
    body = "\n\n".join(line for line in lines if line)
    if not body or _is_all_furniture(tree, body):
        message = "no article text found in the page; save the article's own page, or its text"
        raise BriefError.of("BW013", message, Location(name))
    found += _fallbacks(document, {item.field for item in found})
    removed = tuple(f"hidden on the page: {line}" for line in hidden)
    removed += tuple(furniture(tree, body, found))
    scripts = len(tree.xpath("//script")) + len(tree.xpath("//style"))
    removed += (f"{scripts} script and style elements",) if scripts else ()
    embedded = len(tree.xpath(_EMBEDDED))
    removed += (f"{embedded} frames, embedded objects and drawings",) if embedded else ()
    if hidden:
        notes.append(
            f"left out {len(hidden)} line(s) of text hidden on the page (hidden, display: "
            "none, visibility: hidden): a reader never sees them; listed under chrome_removed"
        )
    return Extracted(body + "\n", "text/html", tuple(found), removed, notes=tuple(notes))


def remove_hidden(tree: Any) -> list[str]:
    """Remove, in place, the elements a reader of the page never sees (`hidden`, or styled
    `display: none` or `visibility: hidden`), and return their lines of text: such text is
    not the article, whatever it says (a page can hide words for a machine to read)."""
    lines: list[str] = []
    for element in tree.xpath(HIDDEN):
        parent = element.getparent()
        if parent is None or not isinstance(element.tag, str):
            continue
        lines += [line for line in _lines_of(element) if line]
        element.drop_tree()  # keeps the text that follows it
    return list(dict.fromkeys(lines))


def _is_all_furniture(tree: Any, body: str) -> bool:
    """Return True when every line extracted is the text of a menu, a header, a footer, a
    sidebar or a form: the page has no article, whatever the extractor kept."""
    furniture = {
        normalise(line) for element in tree.xpath(_FURNITURE_XPATH) for line in _lines_of(element)
    }
    return all(normalise(line) in furniture for line in body.split("\n\n"))


def _fallbacks(document: Any, have: set[str]) -> list[Found]:
    """Return what trafilatura read from the page for the fields no metadata gave."""
    where = "the page's text (trafilatura)"
    values = [(field, getattr(document, attribute, None)) for attribute, field in _FALLBACKS]
    return [
        Found(field=field, value=_SPACE.sub(" ", value).strip(), found_in=where)
        for field, value in values
        if field not in have and isinstance(value, str) and value.strip()
    ]


def furniture(tree: Any, body: str, found: list[Found]) -> list[str]:
    """Return each line of the page's visible text that the article leaves out, once, in
    page order (a line that is a metadata value, such as the headline, is recorded there)."""
    kept = normalise(body)
    known = {normalise(line) for line in body.split("\n")} | {normalise(f.value) for f in found}
    lines: dict[str, None] = {}
    for line in page_lines(tree):
        normalised = normalise(line)
        # A short line ("Defence", a menu's item) is the article's only when it is one of
        # its lines: inside a paragraph it is only a word that paragraph also uses.
        inside = len(normalised) >= MIN_INSIDE and normalised in kept
        if normalised and normalised not in known and not inside:
            short = line if len(line) <= MAX_REMOVED_ENTRY else line[: MAX_REMOVED_ENTRY - 1] + "…"
            lines.setdefault(short)
    return list(lines)


def normalise(text: str) -> str:
    """Return text in NFKC with its whitespace collapsed, as the page and article compare."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def page_lines(tree: Any) -> list[str]:
    """Return the page's visible text as a reader sees it, one block a line."""
    body = tree.find(".//body")
    return _lines_of(body if body is not None else tree)


def _lines_of(element: Any) -> list[str]:
    pieces: list[str] = []
    _walk(element, pieces)
    return [_SPACE.sub(" ", line).strip() for line in "".join(pieces).split("\n")]


def _walk(element: Any, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag.lower() in _UNSEEN:
        return
    block = tag.lower() in _BLOCKS
    pieces.append("\n" if block else "")
    pieces.append(element.text or "")
    for child in element:
        _walk(child, pieces)
        pieces.append(child.tail or "")
    pieces.append("\n" if block else "")
