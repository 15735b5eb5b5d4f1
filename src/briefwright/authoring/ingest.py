"""Turn an added article (a text file, an HTML page, a PDF, or an http(s) address) into a
source file under content/sources/, hiding nothing.

The text comes from `briefwright.ingest`; what it dropped is listed in the front matter,
the metadata it used is recorded with where each value came from, and the page, PDF or
fetched responses (a WARC) are kept beside the text with their SHA-256. The front matter
is written by a YAML emitter, so no option and no page can break the file; an option
holding a control or direction-changing character is refused, and such a character in a
page's metadata is removed and reported.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from briefwright.authoring.writing import new_files
from briefwright.errors import BriefError, Location
from briefwright.files import MAX_FILE_BYTES, read_file
from briefwright.ingest.document import MAX_PDF_BYTES, Extracted
from briefwright.ingest.extract import extract, extract_file
from briefwright.model.base import id_problem
from briefwright.model.characters import describe, forbidden_characters
from briefwright.model.source import Found, MetadataField, Original
from briefwright.model.vocab import SourceKind

#: Longest first line taken as the article's headline when nothing else names it.
MAX_TITLE = 150
PLACEHOLDER = "REPLACE"
_SIDE_FILES = {"text/html": "orig.html", "application/pdf": "orig.pdf"}
_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class Ingested:
    """A new source file: its id, path, text fingerprint, and what the editor should know."""

    source_id: str
    path: Path
    fingerprint: str
    removed: tuple[str, ...]
    notes: tuple[str, ...]
    kept: Path | None = None


@dataclass(frozen=True)
class ArticleFacts:
    """What the editor says of an article: the options of `sources add` (a page's or a
    PDF's metadata gives the publisher and date when they are not given)."""

    publisher: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None
    kind: SourceKind = SourceKind.NEWS_REPORT
    source_id: str | None = None
    origin: str | None = None


@dataclass(frozen=True)
class Provenance:
    """Where an added document came from: its address and retrieval time when fetched, and
    the file kept beside the text (its name's suffix and bytes)."""

    url: str | None = None
    retrieved: datetime | None = None
    suffix: str | None = None
    data: bytes = b""
    media_type: str = "text/plain"


#: What makes the argument of `sources add` an address rather than a file name.
_ADDRESS = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def add_article(article: str, sources_dir: Path, facts: ArticleFacts) -> Ingested:
    """Write an article as a new source: fetched once when it is an address, else read from
    the file it names."""
    if _ADDRESS.match(article):
        return add_address(article, sources_dir, facts)
    return add_source(Path(article), sources_dir, facts)


def add_source(article: Path, sources_dir: Path, facts: ArticleFacts) -> Ingested:
    """Write an article file (text, HTML page or PDF) as a new source; refuse to
    overwrite an existing one."""
    _refuse_bad_options(facts)
    if article.is_dir():
        message = "is a folder; give the file of one article (add several one at a time)"
        raise BriefError.of("BW013", message, Location(str(article)))
    raw = read_file(article, MAX_PDF_BYTES)
    extracted = extract_file(raw, str(article))
    suffix = _SIDE_FILES.get(extracted.media_type)
    kept = Provenance(facts.url, None, suffix, raw if suffix else b"", extracted.media_type)
    return write_source(extracted, kept, sources_dir, facts)


def add_address(url: str, sources_dir: Path, facts: ArticleFacts, now: datetime | None = None
                ) -> Ingested:  # fmt: skip
    """Fetch an address once and write what it serves as a new source, with the exchange
    archived beside it as a WARC."""
    from briefwright.ingest.fetch import fetch
    from briefwright.ingest.warc import write_warc

    _refuse_bad_options(replace(facts, url=None))
    if facts.url is not None and facts.url != url:
        message = "the address is given twice (as the argument and --url); give it once"
        raise BriefError.of("BW003", message, Location("--url"))
    fetched = fetch(url, now)
    extracted = extract(fetched.content, fetched.media_type, url, fetched.charset)
    source_id = _source_id(facts, extracted, sources_dir)
    warc = write_warc(fetched, f"{source_id}.warc.gz")
    kept = Provenance(fetched.url, fetched.retrieved, "warc.gz", warc, extracted.media_type)
    return write_source(extracted, kept, sources_dir, replace(facts, source_id=source_id))


def write_source(
    extracted: Extracted, kept: Provenance, sources_dir: Path, facts: ArticleFacts
) -> Ingested:
    """Write the source file (and the file kept beside it) for an extracted article."""
    metadata, notes = _metadata(extracted, facts)
    title, title_note = _title(metadata, extracted.text)
    source_id = _source_id(facts, extracted, sources_dir)
    original = None
    if kept.suffix is not None:
        name = f"{source_id}.{kept.suffix}"
        sha = hashlib.sha256(kept.data).hexdigest()
        original = Original(file=name, sha256=sha, media_type=kept.media_type)
    front = front_matter(source_id, facts, title, extracted, metadata, kept, original)
    document = front + extracted.text
    if len(document.encode("utf-8")) > MAX_FILE_BYTES:
        message = (
            f"the extracted text is {len(document.encode()):,} bytes; a source file holds at "
            f"most {MAX_FILE_BYTES:,}: split the document and add its parts"
        )
        raise BriefError.of("BW001", message, Location(str(sources_dir / f"{source_id}.txt")))
    target = _write(sources_dir, source_id, document, original, kept.data)
    fingerprint = hashlib.sha256(extracted.text.encode("utf-8")).hexdigest()
    side = sources_dir / original.file if original else None
    all_notes = (*extracted.notes, *notes, *title_note)
    return Ingested(source_id, target, fingerprint, extracted.removed, all_notes, side)


def _write(
    sources_dir: Path, source_id: str, document: str, original: Original | None, data: bytes
) -> Path:
    """Write the file kept beside the text, then the text: both, or neither."""
    with new_files() as files:
        if original is not None:
            files.write(sources_dir / original.file, data)
        return files.write(sources_dir / f"{source_id}.txt", document.encode("utf-8"))


def slug(text: str) -> str:
    """Return a lowercase id made of letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "source"


def front_matter(
    source_id: str,
    facts: ArticleFacts,
    title: str,
    extracted: Extracted,
    metadata: dict[MetadataField, Found],
    kept: Provenance,
    original: Original | None,
) -> str:
    """Return the source file's front matter, emitted as YAML between `---` lines.

    Fields the editor must still fill in hold a `REPLACE` placeholder, which `check` lists
    (a warning) and `release` refuses.
    """
    publisher = metadata["publisher"].value
    basis, note = _date_basis(metadata["published"])
    fields: dict[str, Any] = {
        "id": source_id,
        "title": title,
        "title_supplied": title.startswith(PLACEHOLDER),
        "short_name": publisher,
        "publisher": publisher,
        **({"author": metadata["author"].value} if "author" in metadata else {}),
        "published": _published(metadata).isoformat(),
        "date_basis": basis,
        "date_note": note,
        "kind": facts.kind.value,
        **({"url": kept.url} if kept.url else {}),
        **({"retrieved": kept.retrieved.isoformat()} if kept.retrieved else {}),
        **({"origin": facts.origin} if facts.origin else {}),
        "reliability": f"{PLACEHOLDER}: say how far this source can be trusted, and for what.",
        "chrome_removed": list(extracted.removed),
    }
    if extracted.media_type != "text/plain":
        fields["metadata"] = [found.model_dump() for found in metadata.values()]
    if original is not None:
        fields["original"] = original.model_dump()
    emitted = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=10_000)
    if extracted.pages:
        pages = {"pages": [page.model_dump() for page in extracted.pages]}
        emitted += yaml.safe_dump(pages, sort_keys=False, default_flow_style=None)
    return f"---\n{emitted}---\n"


def _metadata(
    extracted: Extracted, facts: ArticleFacts
) -> tuple[dict[MetadataField, Found], list[str]]:
    """Return the value used for each field and where it came from: an option given, else
    the document's metadata (hidden characters removed, and said); refuse a missing
    publisher or date."""
    notes: list[str] = []
    given: dict[MetadataField, str | None] = {
        "title": facts.title, "publisher": facts.publisher,
        "published": facts.published.isoformat() if facts.published else None,
    }  # fmt: skip
    flags = {"title": "--title", "publisher": "--publisher", "published": "--date"}
    used: dict[MetadataField, Found] = {}
    for found in extracted.metadata:
        cleaned = _cleaned(found, notes)
        if cleaned is not None:
            used.setdefault(found.field, cleaned)
    for field, value in given.items():
        if value is not None:
            used[field] = Found(
                field=field, value=value.strip(), found_in=f"the {flags[field]} option"
            )
    if "published" in used and _iso_date(used["published"]) is None:
        notes.append(f"the date found ({used['published'].value!r}) is no ISO date; ignored")
        del used["published"]
    for field, flag in (("publisher", "--publisher"), ("published", "--date")):
        if field not in used:
            what = "the page's metadata" if extracted.media_type != "text/plain" else "a text file"
            message = f"no {'date' if field == 'published' else field} in {what}; pass {flag}"
            raise BriefError.of("BW003", message, Location(flag))
    return used, notes


def _cleaned(found: Found, notes: list[str]) -> Found | None:
    """Return a metadata value without control, zero-width or direction-changing characters."""
    hidden = {index for index, _ in forbidden_characters(found.value, multiline=False)}
    if not hidden:
        return found
    value = "".join(char for index, char in enumerate(found.value) if index not in hidden)
    notes.append(
        f"removed {len(hidden)} hidden character(s) from the {found.field} ({found.found_in})"
    )
    return found.model_copy(update={"value": value.strip()}) if value.strip() else None


def _iso_date(found: Found) -> date | None:
    """Return the date a value starts with (`2023-03-20`, `2023-03-20T19:12:00+05:30`)."""
    matched = _ISO_DATE.match(found.value)
    try:
        return date.fromisoformat(matched.group(1)) if matched else None
    except ValueError:
        return None


def _published(metadata: dict[MetadataField, Found]) -> date:
    """Return the publication date `_metadata` checked is there."""
    published = _iso_date(metadata["published"])
    assert published is not None, "_metadata keeps only ISO dates"
    return published


def _date_basis(found: Found) -> tuple[str, str]:
    """Return `date_basis` and `date_note` for the date used."""
    if found.found_in.endswith("option"):
        return "stated", f"{PLACEHOLDER}: say where the date comes from (e.g. the dateline)."
    if found.found_in.startswith("PDF document information CreationDate"):
        note = (
            f"The PDF's creation date ({found.value}), not a stated publication date: "
            f"{PLACEHOLDER}: confirm it from the document."
        )
        return "inferred", note
    return "stated", f"From the page's metadata: {found.found_in} ({found.value})."


def _refuse_bad_options(facts: ArticleFacts) -> None:
    """Refuse option values a source file cannot hold faithfully (BW154, BW003)."""
    options = {"--publisher": facts.publisher, "--title": facts.title, "--id": facts.source_id,
               "--origin": facts.origin, "--url": facts.url}  # fmt: skip
    for flag, value in options.items():
        if value is None:
            continue
        for index, char in forbidden_characters(value, multiline=False):
            message = f"{flag} holds {describe(char)} at character {index + 1}; remove it"
            raise BriefError.of("BW154", message, Location(flag))
        if not value.strip():
            raise BriefError.of("BW003", f"{flag} is empty; give a value", Location(flag))
    if facts.url is not None and not re.fullmatch(r"https?://[^\s<>\"']+", facts.url):
        message = f"--url {facts.url!r} is not an http(s) address; give the article's web address"
        raise BriefError.of("BW003", message, Location("--url"))
    problem = id_problem(facts.source_id) if facts.source_id is not None else None
    if problem:
        message = f"--id is not a source id, as `check` would say: {problem}"
        raise BriefError.of("BW003", message, Location("--id"))


def _title(metadata: dict[MetadataField, Found], body: str) -> tuple[str, tuple[str, ...]]:
    """Return the title to record and a note saying where it came from."""
    found = metadata.get("title")
    if found is not None and found.found_in.endswith("option"):
        return found.value, ()
    if found is not None and len(found.value) <= MAX_TITLE * 2:
        return found.value, (f"title from {found.found_in}: {found.value!r} (--title sets it)",)
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    if 0 < len(first) <= MAX_TITLE and not list(forbidden_characters(first, multiline=False)):
        return first, (f"title taken from the article's first line: {first!r} (--title sets it)",)
    placeholder = f"{PLACEHOLDER}: the article's headline"
    return placeholder, ("no --title given and the first line is no headline: fill in `title`",)


def _source_id(facts: ArticleFacts, extracted: Extracted, sources_dir: Path) -> str:
    """Return the source id to use; if it is taken, refuse and suggest one that is free."""
    if facts.source_id is not None:
        wanted = facts.source_id
    else:
        used, _ = _metadata(extracted, facts)
        wanted = f"{slug(used['publisher'].value)}-{_published(used).isoformat()}"
    if not _taken(sources_dir, wanted):
        return wanted
    free = next(
        f"{wanted}-{n}" for n in range(2, 10_000) if not _taken(sources_dir, f"{wanted}-{n}")
    )
    taken = sources_dir / f"{wanted}.txt"
    message = f"source id {wanted} is taken by {taken}; pass --id {free}"
    raise BriefError.of("BW010", message, Location(str(taken)))


def _taken(sources_dir: Path, source_id: str) -> bool:
    return any(sources_dir.glob(f"{glob_escape(source_id)}.*"))


def glob_escape(text: str) -> str:
    """Return text with glob's special characters escaped (ids have none, but be exact)."""
    return re.sub(r"([*?\[])", r"[\1]", text)
