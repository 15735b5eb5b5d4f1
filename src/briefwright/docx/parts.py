"""Turn a document's metadata and flags into its small parts: core and app properties, settings.

Nothing here reads the environment: dates come from Meta.built, the application name is a
constant, and no user name, path or host ever enters a part.
"""

from __future__ import annotations

from datetime import UTC, datetime

from briefwright.docx.formatting import is_east_asian
from briefwright.docx.model import Meta
from briefwright.docx.ooxml import WORD_NAMESPACES, el, escape, part, val

#: Word's own separator notes; their ids sit below every real note's, so that a note's id
#: can be its number.
SEPARATOR_IDS = (-1, 0)


def utc(moment: datetime) -> datetime:
    """Return the same moment in UTC (a naive one is taken to be UTC already)."""
    return moment if moment.tzinfo is None else moment.astimezone(UTC)


def core_xml(meta: Meta) -> bytes:
    """Return docProps/core.xml: title, subject, author, keywords, language, build dates."""
    stamp = utc(meta.built).strftime("%Y-%m-%dT%H:%M:%SZ")
    namespaces = {
        "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        "xmlns:dcterms": "http://purl.org/dc/terms/",
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
    }
    dated = {"xsi:type": "dcterms:W3CDTF"}
    return part(
        "cp:coreProperties",
        namespaces,
        [
            el("dc:title", None, escape(meta.title)),
            el("dc:subject", None, escape(meta.subject)),
            el("dc:creator", None, escape(meta.author)),
            el("cp:keywords", None, escape(", ".join(meta.keywords))),
            el("dc:language", None, escape(meta.language)),
            el("cp:lastModifiedBy", None, escape(meta.author)),
            el("cp:revision", None, "1"),
            el("dcterms:created", dated, stamp),
            el("dcterms:modified", dated, stamp),
        ],
    )


def app_xml() -> bytes:
    """Return docProps/app.xml naming briefwright as the application, with no version or host."""
    namespace = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    return part(
        "Properties",
        {"xmlns": namespace},
        [el("Application", None, "briefwright"), el("DocSecurity", None, "0")],
    )


def settings_xml(
    language: str, *, endnotes: bool, update_fields: bool, track_revisions: bool = False
) -> bytes:
    """Return settings.xml, children in CT_Settings order.

    embedTrueTypeFonts makes Word use the embedded fonts (and keep them when it saves);
    trackRevisions opens a document that holds tracked changes with Track Changes on, so a
    reviewer's own edits are tracked too; updateFields makes Word refresh the contents'
    page numbers when the document opens (Word asks first).
    """
    children = [
        el("w:zoom", {"w:percent": 100}),
        "<w:embedTrueTypeFonts/>",
        "<w:trackRevisions/>" if track_revisions else "",
        val("w:defaultTabStop", 709),
        val("w:characterSpacingControl", "doNotCompress"),
        val("w:updateFields", "true") if update_fields else "",
        _endnote_settings() if endnotes else "",
        el(
            "w:compat",
            None,
            el(
                "w:compatSetting",
                {
                    "w:name": "compatibilityMode",
                    "w:uri": "http://schemas.microsoft.com/office/word",
                    "w:val": 15,
                },
            ),
        ),
        _theme_font_lang(language),
        val("w:decimalSymbol", "."),
        val("w:listSeparator", ","),
    ]
    return part("w:settings", WORD_NAMESPACES, children)


def _theme_font_lang(language: str) -> str:
    """Write w:themeFontLang: the language of the theme's fonts, East Asian ones too for a
    Japanese, Chinese or Korean document."""
    if is_east_asian(language):
        return el("w:themeFontLang", {"w:val": language, "w:eastAsia": language})
    return val("w:themeFontLang", language)


def _endnote_settings() -> str:
    """Return w:endnotePr: decimal numbers at the end of the document, the separators' ids."""
    separators = (el("w:endnote", {"w:id": i}) for i in SEPARATOR_IDS)
    return el("w:endnotePr", None, val("w:pos", "docEnd"), val("w:numFmt", "decimal"), *separators)
