"""Tests for briefwright.typeset.fit through real builds: a one-pager fits, or fails clearly."""

from __future__ import annotations

import weakref
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from briefwright.cli.app import app
from briefwright.errors import BriefError, Location
from briefwright.pipeline.outcome import Built, RunOptions
from briefwright.pipeline.run import build_project
from briefwright.settings import PdfSettings, Project
from briefwright.typeset import fit
from briefwright.typeset.engine import Typesetter
from briefwright.typeset.fit import STEPS, _size_css, fit_one_page
from tests.conftest import LAYERS, MADE, TEMPLATES, MakeProject


def test_content_that_fits_needs_no_step(project: MakeProject, tmp_path: Path) -> None:
    """A short topic's one-pager is one page at the stylesheet's own size, with no remark."""
    built = build_project(
        Project(project("minimal"), TEMPLATES), tmp_path / "out", run=RunOptions(only="onepagers")
    )
    assert isinstance(built, Built)
    assert built.produced.remarks == ()
    assert len(PdfReader(tmp_path / "out" / "onepagers" / "only.pdf").pages) == 1


def test_one_fallback_step_is_reported(project: MakeProject, tmp_path: Path) -> None:
    """A topic slightly too long fits after one step down, and the build output says so."""
    out = tmp_path / "out"
    args = ["build", "--content", str(project("onepager-one-step"))]
    result = CliRunner().invoke(
        app, [*args, "--templates", str(TEMPLATES), "--out", str(out), "--only", "onepagers"]
    )
    assert result.exit_code == 0, result.output
    assert "onepagers/only.pdf fits one page at 10pt (1 step below" in result.stdout
    assert len(PdfReader(out / "onepagers" / "only.pdf").pages) == 1


def test_far_too_long_fails_and_writes_nothing(project: MakeProject, tmp_path: Path) -> None:
    """A topic overflowing even at the floor is BW140 with the overflow; nothing is written."""
    content = project("onepager-too-long")
    out = tmp_path / "out"
    with pytest.raises(BriefError) as caught:
        build_project(Project(content, TEMPLATES), out)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "BW140"
    assert str(diagnostic.location) == f"{content}/topics/only.yaml:227:3"
    assert diagnostic.message.startswith(
        "one-pager 'only' does not fit one page even at 8.5pt: it runs over by "
    )
    assert "% of a page (about " in diagnostic.message
    assert "cut key points under `onepager: key_points:`" in diagnostic.message
    assert not out.exists()


class _Page:
    def __init__(self) -> None:
        self._page_box = None


class _Document:
    def __init__(self, pages: int) -> None:
        self.pages = [_Page() for _ in range(pages)]


class _Typesetter:
    """Fits from step `fits` of STEPS on; records the steps it was asked to typeset."""

    def __init__(self, fits: int) -> None:
        self.fits, self.asked = fits, list[int]()

    def render(self, html: str, base: str, css: str) -> _Document:
        step = next(n for n, size in enumerate(STEPS) if _size_css(size) == css)
        self.asked.append(step)
        return _Document(1 if step >= self.fits else 2)

    def write_pdf(self, document: _Document) -> bytes:
        self.written = weakref.ref(document)
        return b"%PDF"

    def finish(self, raw: bytes) -> bytes:
        self.layout_alive_at_finish = self.written() is not None
        return raw


@pytest.mark.parametrize("fits", [1, 2, 3, 4])
@pytest.mark.parametrize("guess", [1, 2, 3, 4])
def test_the_search_finds_the_largest_step_from_any_first_guess(
    monkeypatch: pytest.MonkeyPatch, fits: int, guess: int
) -> None:
    """Whatever step the overflow points to first, the fit is the largest that fits, as a
    walk down from the stylesheet's size finds it; a right guess costs at most three
    typesettings; the layout is freed before the PDF is finished."""
    monkeypatch.setattr(fit, "_first_guess", lambda document: guess)
    typesetter = _Typesetter(fits)
    fitted = fit_one_page(typesetter, "", "", "t", Location("t"))  # type: ignore[arg-type]
    assert (fitted.steps, fitted.size) == (fits, STEPS[fits])
    assert len(set(typesetter.asked)) == len(typesetter.asked)  # no step typeset twice
    assert not typesetter.layout_alive_at_finish  # finish runs in the memory it held
    if guess == fits:
        assert len(typesetter.asked) <= 3


@pytest.mark.parametrize("paragraphs", [24, 25, 26, 27])
def test_the_first_guess_is_the_step_that_fits(paragraphs: int) -> None:
    """Text running over by 5 to 18 % of a page is first tried at the step that fits, one to
    four steps down (from the overflow and the `.onepager` box's own size)."""
    text = "Co-production of a command and control system under the 2023 terms. " * 2
    body = "".join(f"<p>{text}</p>" for _ in range(paragraphs))
    html = (
        '<html lang="en"><head><title>t</title><style>.onepager { font-size: 14px; '
        "line-height: 1.4 } p { margin: 0 0 4px }</style></head>"
        f'<body><div class="onepager">{body}</div></body></html>'
    )
    with Typesetter(LAYERS, PdfSettings(), "t.pdf", made=MADE, onepager=True) as typesetter:
        first = typesetter.render(html, "", _size_css(STEPS[0]))
        assert len(first.pages) == 2
        guess = fit._first_guess(first)
        counts = [len(typesetter.render(html, "", _size_css(s)).pages) for s in STEPS]
    assert guess == counts.index(1), (guess, counts)
