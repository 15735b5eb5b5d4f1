"""Turn a brief's languages into what ties its editions together on a page: the links to the
same page in each other language (`hreflang` alternates and the language switch), the
language of the text the brief quotes, and the original names beside translated ones.

The original edition is at the root of the brief's folder, each translation in
`<language>/` (build/ja/…); a page has the same path in every edition (brief.html,
onepagers/<topic>.html, sources/<source>.html), so each link is that path from the other
edition's folder, relative to the page. When the brief says where it is published
(`metadata.url`), each page also has its full address: search engines read a page's
`canonical` and `hreflang` alternates only as full addresses.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from babel import Locale

from briefwright.model.brief import Brief


@dataclass(frozen=True)
class EditionLink:
    """The same page in one of the brief's languages."""

    language: str
    """BCP 47 tag (`hreflang`, `lang`)."""
    name: str
    """The language's name in itself: English, 日本語."""
    href: str
    """The page in that edition, relative to the page linking to it."""
    current: bool
    """True for the edition the page belongs to."""
    address: str | None = None
    """The page's full address in that edition, when the brief says where it is published."""


def edition_links(brief: Brief, page: str) -> list[EditionLink]:
    """Return the page (its path inside its edition's folder) in every language the brief is
    published in, the original first; none for a brief in one language."""
    original = brief.original
    languages = [original.metadata.language, *original.metadata.translations]
    if len(languages) < 2:
        return []
    here = edition_folder(brief, brief.metadata.language)
    up = "../" * (here + page).count("/")
    links = []
    for tag in languages:
        href = f"{up}{edition_folder(brief, tag)}{page}"
        current = tag == brief.metadata.language
        address = _address(brief, tag, page)
        links.append(EditionLink(tag, language_name(tag), href, current, address))
    return links


def page_address(brief: Brief, page: str) -> str | None:
    """Return the full address of a page (its path inside its edition's folder) in the
    brief's own edition, or None when the brief does not say where it is published."""
    return _address(brief, brief.metadata.language, page)


def _address(brief: Brief, language: str, page: str) -> str | None:
    folder = brief.original.metadata.url
    if folder is None:
        return None
    return folder + quote(edition_folder(brief, language) + page)


def edition_folder(brief: Brief, language: str) -> str:
    """Return the folder of a language's edition inside the brief's folder ("" or "ja/")."""
    return "" if language == brief.original.metadata.language else f"{language}/"


def language_name(language: str) -> str:
    """Return a language's name in itself, capitalised (`en-GB` → English, `ja` → 日本語)."""
    base = language.split("-")[0]
    try:
        name = str(Locale.parse(base).get_display_name(base))
    except (ValueError, LookupError):
        return language
    return name[:1].upper() + name[1:]


def quoted_language(brief: Brief) -> str | None:
    """Return the language of the text a translated edition quotes (its original's: the
    quotes, the sources' titles and text stay as they are), or None for the original."""
    return brief.translated_from.metadata.language if brief.translated_from else None


def original_names(brief: Brief) -> dict[str, str]:
    """Return, by id, a glossary term's or an actor's name as the original writes it, where
    a translated edition writes it otherwise: printed beside it, so a reader can find it in
    the quotes and sources."""
    source = brief.translated_from
    if source is None:
        return {}
    before = {e.id: e.term for e in source.glossary} | {a.id: a.name for a in source.actors}
    after = {e.id: e.term for e in brief.glossary} | {a.id: a.name for a in brief.actors}
    return {key: name for key, name in before.items() if name not in after.get(key, name)}


def translated_terms(brief: Brief) -> dict[str, list[tuple[str, str]]]:
    """Return, by glossary id, each term as the brief's translations write it (language,
    term), where it differs from the original's: the original edition's glossary gives a
    reader who works in both languages the other's word (ACSA, 日印物品役務相互提供協定)."""
    terms = {entry.id: entry.term for entry in brief.glossary}
    found: dict[str, list[tuple[str, str]]] = {}
    for translation in brief.translations:
        for entry in translation.entries:
            words = entry.text if entry.field == "term" else None
            if isinstance(words, str) and words != terms.get(entry.id, words):
                found.setdefault(entry.id, []).append((translation.language, words))
    return found
