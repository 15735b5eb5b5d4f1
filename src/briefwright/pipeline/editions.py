"""Make the editions besides the PDFs: the HTML edition's assets (its fonts cut to WOFF2
subsets) and the Word edition (a .docx per document), of the brief and of each translated
edition, while the workers typeset.

The Word edition is made in the build's process, in a thread beside the typesetting pool (the
main thread only waits for the workers): it is built from the content models, which the
workers never import. The web fonts, plain bytes in and out, are cut in a process of their
own (cutter.py) at the same time, in a build of one brief (a series cuts its fonts once, for
all its briefs; `serve` none). An unchanged document's .docx is kept from the previous
build, like an unchanged PDF.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from briefwright.docx.model import Logo
from briefwright.docx.writer import write_docx
from briefwright.model.brief import Brief
from briefwright.output.manifest import sha256
from briefwright.output.spool import Payload, Spool
from briefwright.output.webfonts import edition_text, linked_web_assets, web_assets
from briefwright.pipeline.cutter import Cutter, Stopped, WebTask
from briefwright.pipeline.incremental import Previous
from briefwright.pipeline.prepare import Prepared
from briefwright.pipeline.targets import Target
from briefwright.render.brand import (
    FALLBACK_FAMILIES,
    FONTS_CSS,
    logo_url,
    series_assets_url,
    web_fonts_stylesheet,
)
from briefwright.render.changes import History
from briefwright.render.figures import draw_figures
from briefwright.render.labels import Labels
from briefwright.render.word.brief import brief_document
from briefwright.render.word.edition import Edition
from briefwright.render.word.fonts import Fonts, read_fonts, supplied_fonts
from briefwright.render.word.logo import word_logo
from briefwright.render.word.onepager import onepager_document
from briefwright.settings import Page, PdfSettings


@dataclass(frozen=True)
class WordEdition:
    """The .docx of each document by stem, its key, and which were kept from before."""

    files: dict[str, Payload]
    keys: dict[str, str]
    kept: tuple[str, ...]


@dataclass(frozen=True)
class SharedFonts:
    """A series' web fonts: each face cut once, into the series' own assets, from the union
    of every brief's characters. Each brief's HTML edition links to them, and records here
    the characters it needs (by its folder's prefix), as its editions are made."""

    characters: dict[str, str] = field(default_factory=dict)

    def url(self, prefix: str) -> str:
        """Return the URL of the series' assets folder from a brief's (under `prefix`)."""
        return series_assets_url(prefix)

    def union(self, *more: str) -> str:
        """Return, sorted, the characters of every brief recorded here and of `more`."""
        return "".join(sorted(set("".join(self.characters.values()) + "".join(more))))


@dataclass(frozen=True)
class Editions:
    """A brief's HTML edition assets and Word edition, and those of each translated edition
    by its language."""

    web: dict[str, Payload]
    word: WordEdition
    translations: dict[str, Editions] = field(default_factory=dict)


def make_editions(
    ready: Prepared,
    pdf: PdfSettings,
    web_fonts: bool,
    spool: Spool | None = None,
    shared: SharedFonts | None = None,
    cutter: Cutter | None = None,
) -> Editions:
    """Return the HTML edition's assets and the Word edition of a prepared brief and of each
    of its translations, their files spooled when a spool is given; their web fonts a
    series' (`shared`) when given, else cut by `cutter` (in its process) while this thread
    makes the Word editions."""
    editions = [ready, *ready.translations]
    cuts = cutter if web_fonts and shared is None else None
    tickets = cuts.submit([_web_task(edition) for edition in editions]) if cuts else []
    going = (lambda: not cutter.stopped) if cutter else None
    words = [_word_edition_of(edition, pdf, going) for edition in editions]
    made: list[Editions] = []
    for number, (edition, word) in enumerate(zip(editions, words, strict=True)):
        web: dict[str, Payload] = dict(
            cuts.result(tickets[number]) if cuts else _web_edition(edition, web_fonts, shared)
        )
        if spool is not None:
            web, word = spool.hold(web), replace(word, files=spool.hold(word.files))
        made.append(Editions(web, word))
    first, *translated = made
    languages = (edition.language for edition in ready.translations)
    return replace(first, translations=dict(zip(languages, translated, strict=True)))


def _web_edition(ready: Prepared, web_fonts: bool, shared: SharedFonts | None) -> dict[str, bytes]:
    """Return the assets of one edition's HTML edition, made here."""
    brief = ready.rendered.checked.brief
    return web_edition_assets(brief, _pages(ready), ready.rendered.assets, web_fonts, shared,
                              ready.prefix)  # fmt: skip


def _web_task(ready: Prepared) -> WebTask:
    """Return what the cutter's process needs to make one edition's HTML edition assets."""
    fonts_css = web_fonts_stylesheet(ready.rendered.checked.brief.brand)
    assets = dict(ready.rendered.assets)
    return (_pages(ready), assets, fonts_css, FONTS_CSS, tuple(FALLBACK_FAMILIES))


def _pages(ready: Prepared) -> list[str]:
    """Return every page of an edition's output, made or carried (a partial build's)."""
    rendered = ready.rendered
    pages = [*rendered.pages.values(), *rendered.source_pages.values()]
    carried = ready.carried.values()
    return pages + [kept.html.decode("utf-8") for kept in carried if kept.html is not None]


def _word_edition_of(
    ready: Prepared, pdf: PdfSettings, going: Callable[[], bool] | None
) -> WordEdition:
    """Return one edition's Word edition."""
    rendered = ready.rendered
    return word_edition(rendered.checked.brief, rendered.targets, rendered.pages,
                        rendered.labels, rendered.made, ready.project.layers, pdf,
                        rendered.built_at, ready.previous, rendered.history, going)  # fmt: skip


def docx_reused(ready: Prepared, editions: Editions) -> tuple[str, ...]:
    """Return the stems of the .docx files kept from the previous build, every edition's
    (a translation's under its folder)."""
    kept = list(editions.word.kept)
    for translation in ready.translations:
        folder = translation.prefix.removeprefix(ready.prefix)
        inner = docx_reused(translation, editions.translations[translation.language])
        kept += [f"{folder}{stem}" for stem in inner]
    return tuple(kept)


def web_edition_assets(
    brief: Brief,
    pages: list[str],
    assets: dict[str, bytes],
    subset: bool = True,
    shared: SharedFonts | None = None,
    prefix: str = "",
) -> dict[str, bytes]:
    """Return the assets the HTML edition ships: the stylesheets and brand files, and the
    fonts as WOFF2 cut to the characters of `pages` (every page of the output, made or
    carried; the PDFs embed their own subsets, the full faces stay in the theme). Without
    `subset`, the assets as typesetting read them (`serve`). With `shared` (a series), no
    fonts: a fonts.css pointing at the series' faces, and the pages' characters recorded."""
    if not subset:
        return assets
    fonts_css = web_fonts_stylesheet(brief.brand)
    if shared is None:
        return web_assets(pages, assets, fonts_css, FONTS_CSS, FALLBACK_FAMILIES)
    text = edition_text(pages, assets, fonts_css)
    shared.characters[prefix] = text
    return linked_web_assets(text, assets, fonts_css, FONTS_CSS, shared.url(prefix),
                             FALLBACK_FAMILIES)  # fmt: skip


def word_edition(
    brief: Brief,
    targets: list[Target],
    pages: dict[str, str],
    labels: Labels,
    made: dict[str, bytes],
    layers: tuple[Path, ...],
    pdf: PdfSettings,
    built: datetime,
    previous: Previous | None,
    history: History | None = None,
    going: Callable[[], bool] | None = None,
) -> WordEdition:
    """Return the .docx of every target, keeping a previous one whose key is unchanged: the
    key covers the document's HTML (its words, numbers and labels), the assets the build
    made from the brand, the page (paper and margins) and the embedded faces. Once `going`
    says the build has ended, the next document raises Stopped instead."""
    edition = word_edition_of(brief, labels, made, layers, pdf)
    fonts = edition.fonts
    files: dict[str, Payload] = {}
    keys: dict[str, str] = {}
    kept: list[str] = []
    for target in targets:
        if going is not None and not going():
            raise Stopped("the build ended before its Word edition")
        page = pdf.paper.page(onepager=target.topic is not None)
        keys[target.stem] = _word_key(pages[target.stem], made, page, fonts)
        reused = previous.reusable_docx(target.stem, keys[target.stem]) if previous else None
        if reused is not None:
            files[target.stem], kept = reused, [*kept, target.stem]
            continue
        document = (
            brief_document(brief, built, edition, labels, history)
            if target.topic is None
            else onepager_document(brief, target.topic, built, edition, labels)
        )
        files[target.stem] = write_docx(document)
    return WordEdition(files, keys, tuple(kept))


def word_edition_of(
    brief: Brief,
    labels: Labels,
    made: dict[str, bytes],
    layers: tuple[Path, ...],
    pdf: PdfSettings,
) -> Edition:
    """Return what the Word edition's documents share: the bundled faces and the brand's,
    its logo, the build's PDF settings and the brief's figures, drawn."""
    fonts = {**read_fonts(layers, brief.metadata.language), **supplied_fonts(brief.brand, made)}
    figures = draw_figures(brief, labels, layers)
    fonts_dir = next(
        (layer / "assets" / "fonts" for layer in layers if (layer / "assets" / "fonts").is_dir()),
        None,
    )
    logo = _logo(brief, made, fonts_dir)
    return Edition(fonts, logo, pdf, figures=figures, fonts_dir=fonts_dir)


def _word_key(html: str, made: dict[str, bytes], page: Page, fonts: Fonts) -> str:
    digest = hashlib.sha256()
    for part in (html, page.css):
        digest.update(part.encode("utf-8") + b"\0")
    for name in sorted(made):
        digest.update(name.encode("utf-8") + b"\0" + sha256(made[name]).encode() + b"\0")
    for family in sorted(fonts):
        for face in sorted(fonts[family]):
            digest.update(sha256(fonts[family][face]).encode())
    return digest.hexdigest()


def _logo(brief: Brief, made: dict[str, bytes], fonts_dir: Path | None) -> Logo | None:
    """Return the brand's logo for the Word edition's first page (render/word/logo.py)."""
    logo = brief.brand.logo
    path = logo_url(brief.brand)
    data = made.get(f"assets/{path}") if path else None
    if logo is None or data is None:
        return None
    return word_logo(data, logo.alt, fonts_dir)
