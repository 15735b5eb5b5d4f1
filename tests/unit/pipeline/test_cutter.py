"""Tests for briefwright.pipeline.cutter: web fonts cut in a niced child process."""

from __future__ import annotations

import os
import signal
import sys
import threading

import pytest

from briefwright.errors import BriefError
from briefwright.model.brand import Brand
from briefwright.output.webfonts import web_assets
from briefwright.pipeline.cutter import EDITIONS_NICENESS, Cutter, behind, cutter, give_way
from briefwright.render.brand import FALLBACK_FAMILIES, FONTS_CSS, web_fonts_stylesheet
from briefwright.settings import Limits
from tests.conftest import TEMPLATES

FONTS_RULES = web_fonts_stylesheet(Brand())
PAGES = ["<html><body><p>Quad <b>2023</b> 日本</p></body></html>"]


def _assets() -> dict[str, bytes]:
    fonts = TEMPLATES / "assets" / "fonts"
    return {f"assets/fonts/{p.name}": p.read_bytes() for p in fonts.iterdir() if p.is_file()}


def test_the_child_cuts_what_the_build_process_would() -> None:
    """The web edition's assets from the child are byte for byte those cut in the build."""
    args = (PAGES, _assets(), FONTS_RULES, FONTS_CSS, FALLBACK_FAMILIES)
    with cutter(Limits()) as cuts:
        remote = cuts.result(cuts.submit(*args))
    assert remote == web_assets(*args)
    assert any(name.endswith(".woff2") for name in remote)


def test_a_child_that_dies_is_a_located_error() -> None:
    """A cutting process killed (by the memory limit's OOM, or by hand) is BW304, not a
    traceback."""
    cuts = Cutter(Limits())
    try:
        future = cuts.submit(PAGES, _assets(), FONTS_RULES, FONTS_CSS, FALLBACK_FAMILIES)
        executor = cuts._executor
        assert executor is not None
        for process in list(executor._processes.values()):
            assert process.pid is not None
            os.kill(process.pid, signal.SIGKILL)
        with pytest.raises(BriefError) as caught:
            cuts.result(future)
        assert caught.value.diagnostics[0].code == "BW304"
    finally:
        cuts.stop(failed=True)


@pytest.mark.skipif(sys.platform != "linux", reason="a thread's own nice is Linux's")
def test_give_way_lowers_only_the_calling_thread() -> None:
    """The editions' thread steps back; the build's main thread keeps its priority."""
    own = os.getpriority(os.PRIO_PROCESS, 0)
    seen: list[int] = []

    def step_back() -> None:
        give_way()
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    thread = threading.Thread(target=step_back)
    thread.start()
    thread.join()
    assert seen == [min(19, own + EDITIONS_NICENESS)]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == own


def test_a_failed_build_kills_the_cut_it_is_on() -> None:
    """Stopped after a failure, the child is killed mid-cut (the executor would finish it
    first, holding the build's exit), and nothing more is taken."""
    cuts = Cutter(Limits())
    cuts.submit(PAGES, _assets(), FONTS_RULES, FONTS_CSS, FALLBACK_FAMILIES)
    executor = cuts._executor
    assert executor is not None
    processes = list(executor._processes.values())
    cuts.stop(failed=True)
    for process in processes:
        process.join(timeout=10)
        assert process.exitcode == -signal.SIGKILL
    with pytest.raises(RuntimeError):
        cuts.submit(PAGES, _assets(), FONTS_RULES, FONTS_CSS, FALLBACK_FAMILIES)


def test_behind_runs_the_work_niced_and_hands_back_its_error() -> None:
    """`behind` gives the work's result, or raises its error, through the future."""
    assert behind(0, sum, [1, 2]).result(timeout=10) == 3
    with pytest.raises(ZeroDivisionError):
        behind(0, divmod, 1, 0).result(timeout=10)
