"""Tests for briefwright.docx.parts: the core and app properties and the settings part, from
the document's metadata and nothing of the machine."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import docx

from briefwright.docx.parts import SEPARATOR_IDS, app_xml, core_xml, settings_xml, utc
from briefwright.docx.writer import write_docx
from tests.unit.docx import samples
from tests.unit.docx.conftest import Package, W, fragment


def test_core_properties_come_from_meta_and_the_build_clock(brief: Package) -> None:
    """Title, subject, author, language, keywords and dates are the document's own."""
    properties = docx.Document(io.BytesIO(brief.data)).core_properties
    assert properties.title == "India–Japan Defence-Industrial Cooperation"
    assert properties.subject.startswith("From co-creation")
    assert properties.author == "briefwright editorial team"
    assert properties.language == "en-GB"
    assert properties.keywords == "India, Japan, defence industry"
    assert properties.created == samples.BUILT
    assert properties.modified == samples.BUILT


def test_a_build_clock_in_another_zone_is_stored_in_utc() -> None:
    """The core properties hold the build's moment in UTC, whatever zone it was given in."""
    base = samples.sample_onepager()
    moment = datetime.fromisoformat("2023-03-20T05:30:00+05:30")
    data = write_docx(replace(base, meta=replace(base.meta, built=moment)))
    created = docx.Document(io.BytesIO(data)).core_properties.created
    assert created == datetime(2023, 3, 20, tzinfo=UTC)


def test_utc_keeps_the_moment_and_takes_a_naive_one_as_utc() -> None:
    """A moment in another zone is the same instant in UTC; a naive one is taken as UTC."""
    india = datetime(2023, 3, 20, 5, 30, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    assert utc(india) == datetime(2023, 3, 20, tzinfo=UTC)
    assert utc(datetime(2023, 3, 20)) == datetime(2023, 3, 20)


def test_core_properties_escape_their_text() -> None:
    """Metadata is content: a title with markup is text in core.xml."""
    meta = replace(samples.meta("<b>Bold</b> & co"), keywords=("a", "b"))
    root = fragment(core_xml(meta).decode().split("?>", 1)[1])
    titles = [e.text for e in root.iter("{http://purl.org/dc/elements/1.1/}title")]
    assert titles == ["<b>Bold</b> & co"]


def test_the_app_part_names_briefwright_and_nothing_of_the_host() -> None:
    """docProps/app.xml says briefwright made it, with no version, user or host."""
    text = app_xml().decode()
    assert "<Application>briefwright</Application>" in text
    assert "AppVersion" not in text and "Company" not in text


def test_settings_embed_the_fonts_and_ask_for_what_the_document_uses() -> None:
    """Fonts are embedded; endnote settings (decimal, with the separators) only when there
    are notes; fields updated on opening only when there is a contents field."""
    plain = fragment(settings_xml("en-GB", endnotes=False, update_fields=False).decode()
                     .split("?>", 1)[1])  # fmt: skip
    full = fragment(settings_xml("en-GB", endnotes=True, update_fields=True).decode()
                    .split("?>", 1)[1])  # fmt: skip
    assert plain.find(f"{W}settings/{W}embedTrueTypeFonts") is not None
    assert plain.find(f".//{W}endnotePr") is None and plain.find(f".//{W}updateFields") is None
    separators = [int(e.get(W + "id", "")) for e in full.iter(W + "endnote")]
    assert separators == list(SEPARATOR_IDS)
    assert full.find(f".//{W}updateFields") is not None
    assert full.find(f".//{W}themeFontLang").get(W + "val") == "en-GB"  # type: ignore[union-attr]


def test_python_docx_reads_a_one_pagers_properties(onepager: Package) -> None:
    """The one-pager's title is its own, read back by python-docx."""
    properties = docx.Document(io.BytesIO(onepager.data)).core_properties
    assert properties.title == "Co-development"
    assert write_docx(samples.sample_onepager()) == onepager.data
