"""Tests for briefwright.docx.fields: complex fields as Word writes them, their cached
result in place, and only instructions the writer composes."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from briefwright.docx.fields import (
    current_heading,
    field_runs,
    noteref,
    page_number,
    toc_begin,
)
from tests.unit.docx.conftest import W, fragment

PROPS = '<w:rPr><w:lang w:val="en-GB"/></w:rPr>'


def _shape(runs: list[str]) -> list[str]:
    """Return each run's one telling child: fldChar type, instrText or t with its text."""
    shape = []
    for run in fragment("".join(runs)):
        child = next(c for c in run if c.tag != W + "rPr")
        kind = child.tag.removeprefix(W)
        value = child.get(W + "fldCharType") if kind == "fldChar" else (child.text or "")
        shape.append(f"{kind}:{value}")
    return shape


def test_a_field_is_begin_instruction_separate_result_end() -> None:
    """Five runs in Word's order, the instruction padded with spaces, the result cached;
    every run carries the run properties given."""
    runs = field_runs("PAGE", "7", PROPS)
    assert _shape(runs) == ["fldChar:begin", "instrText: PAGE ", "fldChar:separate", "t:7",
                            "fldChar:end"]  # fmt: skip
    assert all(run.find(f"{W}rPr/{W}lang") is not None for run in fragment("".join(runs)))


def test_a_noteref_links_and_is_raised_only_as_a_citation() -> None:
    """A later citation is NOTEREF with \\f (formatted as a note mark) and \\h (a link); a
    mention in running text is a link only; both cache the note's number."""
    raised = _shape(noteref("_RefNote3", 3, PROPS, raised=True))
    plain = _shape(noteref("_RefNote3", 3, PROPS, raised=False))
    assert raised[1] == "instrText: NOTEREF _RefNote3 \\f \\h " and raised[3] == "t:3"
    assert plain[1] == "instrText: NOTEREF _RefNote3 \\h "


def test_the_contents_field_asks_word_to_update_it() -> None:
    """The TOC field covers Heading 1 to the levels asked, and its begin is marked dirty."""
    runs = fragment("".join(toc_begin(2, PROPS)))
    begin = runs[0].find(W + "fldChar")
    assert begin is not None and begin.get(W + "dirty") == "true"
    assert (runs[1].find(W + "instrText").text or "").strip() == 'TOC \\o "1-2" \\h \\z \\u'  # type: ignore[union-attr]


def test_page_fields_and_the_running_head() -> None:
    """PAGE and NUMPAGES cache "1"; the running head is STYLEREF to Heading 1."""
    assert _shape(page_number(PROPS, total=False))[1] == "instrText: PAGE "
    assert _shape(page_number(PROPS, total=True))[1] == "instrText: NUMPAGES "
    assert _shape(current_heading(PROPS))[1] == 'instrText: STYLEREF "heading 1" '


def test_an_instruction_is_escaped_as_text() -> None:
    """Whatever an instruction holds stays text of the instrText element."""
    runs = field_runs('X "<w:r/>"', "<b>", PROPS)
    parsed = fragment("".join(runs))
    assert [e.tag for e in parsed.iter() if e.tag == W + "r"] == [W + "r"] * 5
    assert ET.tostring(parsed, encoding="unicode").count("<w:r/>") == 0
