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
from briefwright.pipeline.cutter import (
    EDITIONS_NICENESS,
    Cutter,
    Stopped,
    WebTask,
    behind,
    cutter,
    give_way,
)
from briefwright.render.brand import FALLBACK_FAMILIES, FONTS_CSS, web_fonts_stylesheet
from briefwright.settings import Limits
from tests.conftest import TEMPLATES

FONTS_RULES = web_fonts_stylesheet(Brand())


def _task(text: str) -> WebTask:
    fonts = TEMPLATES / "assets" / "fonts"
    assets = {f"assets/fonts/{p.name}": p.read_bytes() for p in fonts.iterdir() if p.is_file()}
    page = f"<html><body><p>{text}</p></body></html>"
    return ([page], assets, FONTS_RULES, FONTS_CSS, tuple(FALLBACK_FAMILIES))


def test_the_child_cuts_what_the_build_process_would() -> None:
    """Each edition's assets from the child, handed in together, are byte for byte those
    cut in the build, and come back in order."""
    tasks = [_task("Quad <b>2023</b>"), _task("日本の報告")]
    with cutter(Limits()) as cuts:
        tickets = cuts.submit(tasks)
        remote = [cuts.result(ticket) for ticket in reversed(tickets)][::-1]
    assert remote == [web_assets(*task) for task in tasks]
    assert "assets/fonts/NotoSansCJKjp-Regular-JIS.woff2" in remote[1]


def test_a_child_that_dies_is_a_located_error() -> None:
    """A cutting process killed (by the memory limit's OOM, or by hand) is BW304, not a
    traceback or a hang."""
    cuts = Cutter(Limits())
    try:
        (ticket,) = cuts.submit([_task("Quad")])
        os.kill(cuts._process.pid, signal.SIGKILL)
        with pytest.raises(BriefError) as caught:
            cuts.result(ticket)
        assert caught.value.diagnostics[0].code == "BW304"
    finally:
        cuts.stop(failed=True)


def test_a_failed_build_kills_the_cut_it_is_on() -> None:
    """Stopped after a failure, the child is killed mid-cut and the stop returns; nothing
    more is taken, and no answer is read."""
    cuts = Cutter(Limits())
    (ticket,) = cuts.submit([_task("日本の報告")])
    process = cuts._process
    cuts.stop(failed=True)
    assert process.exitcode == -signal.SIGKILL
    with pytest.raises(Stopped):
        cuts.submit([_task("Quad")])
    with pytest.raises(Stopped):
        cuts.result(ticket)


def test_an_error_in_the_child_is_raised_where_it_was_asked() -> None:
    """A cut that fails in the child (here: a stylesheet naming a face it was not given)
    raises the child's error in the build, and the child goes on to the next."""
    broken: WebTask = ([""], {}, FONTS_RULES, FONTS_CSS, tuple(FALLBACK_FAMILIES))
    with cutter(Limits()) as cuts:
        first, second = cuts.submit([broken, _task("Quad")])
        with pytest.raises(KeyError):
            cuts.result(first)
        assert any(name.endswith(".woff2") for name in cuts.result(second))


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


def test_behind_runs_the_work_niced_and_hands_back_its_error() -> None:
    """`behind` gives the work's result, or raises its error, through the future."""
    assert behind(0, sum, [1, 2]).result(timeout=10) == 3
    with pytest.raises(ZeroDivisionError):
        behind(0, divmod, 1, 0).result(timeout=10)
