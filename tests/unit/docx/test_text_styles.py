"""Tests for briefwright.docx.text_styles: the styles of running text (key points, lists,
"what to watch", notes, figures, captions, endnotes)."""

from __future__ import annotations

from briefwright.docx.formatting import Style
from briefwright.docx.model import Layout
from briefwright.docx.numbering import BULLET_LIST, KEY_POINT_LIST
from briefwright.docx.text_styles import list_styles, note_styles
from tests.unit.docx import samples
from tests.unit.docx.conftest import W, fragment


def _by_id(styles: list[Style]) -> dict[str, Style]:
    return {style.style_id: style for style in styles}


def _number(style: Style) -> str | None:
    found = fragment(style.paragraph).find(f".//{W}numId")
    return None if found is None else found.get(W + "val")


def test_key_points_and_bullets_use_their_own_lists() -> None:
    """Key points are numbered with the key-point list, other bullets with theirs; each
    continues in its own style."""
    styles = _by_id(list_styles(samples.brand()))
    assert _number(styles["KeyPoint"]) == str(KEY_POINT_LIST)
    assert _number(styles["ListBullet"]) == str(BULLET_LIST)
    assert styles["KeyPoint"].next_style == "KeyPoint"
    assert _number(styles["Watch"]) is None


def test_what_to_watch_has_a_rule_above_and_stays_together() -> None:
    """The "what to watch" block has a thin rule in the rule colour above it."""
    watch = fragment(_by_id(list_styles(samples.brand()))["Watch"].paragraph)
    top = watch.find(f".//{W}pBdr/{W}top")
    assert top is not None and top.get(W + "color") == samples.brand().colours.rule
    assert watch.find(f".//{W}keepLines") is not None


def test_small_print_is_smaller_on_a_one_pager() -> None:
    """Notes are 8.5 pt in the brief and 7.5 pt on a one-pager, as in the PDFs; source
    entries half a point larger."""

    def size(layout: Layout, style_id: str) -> str | None:
        run = fragment(_by_id(note_styles(samples.brand(), layout))[style_id].run)
        found = run.find(f".//{W}sz")
        return None if found is None else found.get(W + "val")

    assert (size(Layout(), "Note"), size(Layout(compact=True), "Note")) == ("17", "15")
    assert (size(Layout(), "SourceEntry"), size(Layout(compact=True), "SourceEntry")) == (
        "18",
        "16",
    )


def test_a_figure_keeps_with_its_caption() -> None:
    """A figure's paragraph keeps with the next (its caption), centred; the caption is
    Word's `caption` style."""
    styles = _by_id(note_styles(samples.brand(), Layout()))
    figure = fragment(styles["Figure"].paragraph)
    assert figure.find(f".//{W}keepNext") is not None and styles["Figure"].next_style == "Caption"
    assert styles["Caption"].name == "caption"
