"""Turn typesetting jobs into PDFs inside a worker process: the brief as it flows, a one-pager
fitted to a page, each reported back over a pipe.

A job is a plain value (HTML, the folder its links are relative to, what to name in a fit
error), so this module never imports the content models: the fork server preloads it, and it
must stay light (a test holds its imports to that). WeasyPrint comes in through `engine`,
imported where a job is typeset, so that the build process, which imports this module for
`Job`, never loads it.
"""

from __future__ import annotations

import gc
import os
import resource
import signal
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from briefwright.errors import BriefError, Location
from briefwright.settings import Limits, PdfSettings

if TYPE_CHECKING:
    from weasyprint.text.fonts import FontConfiguration


@dataclass(frozen=True)
class Job:
    """One document to typeset.

    `stem` is its path in the output folder without `.pdf`; `base` the folder (relative to
    the templates) its HTML's links resolve from. A job with `fit_topic` is a one-pager: it
    must fit one page, and an overflow is reported at `fit_where`. `made` holds the assets
    the build made for this document's brief (brand.css, labels.css…), over the pool's.
    """

    stem: str
    html: str
    base: str = ""
    fit_topic: str | None = None
    fit_where: Location | None = None
    made: Mapping[str, bytes] | None = None


@dataclass(frozen=True)
class Typeset:
    """A job's PDF, its page count, and a remark for the build output (a fitted one-pager)."""

    pdf: bytes
    pages: int
    remark: str | None
    seconds: float


def typeset_job(
    job: Job,
    layers: tuple[Path, ...],
    pdf: PdfSettings,
    fonts: FontConfiguration | None,
    made: Mapping[str, bytes] | None = None,
) -> Typeset:
    """Typeset one job; a fitted one-pager's result carries a remark saying what it needed.

    `fonts` (from engine.bundled_fonts) may be shared by a worker's jobs: each new
    configuration costs a document ~0.03 s of font loading.
    """
    from briefwright.typeset.engine import Typesetter
    from briefwright.typeset.fit import STEPS, fit_one_page

    started = time.perf_counter()
    own = {**(made or {}), **(job.made or {})}
    onepager = job.fit_topic is not None
    with Typesetter(layers, pdf, f"{job.stem}.pdf", fonts, own, onepager) as typesetter:
        if job.fit_topic is None:
            data, pages = typesetter.typeset(job.html, job.base)
            return Typeset(data, pages, None, time.perf_counter() - started)
        where = job.fit_where or Location(job.stem)
        fitted = fit_one_page(typesetter, job.html, job.base, job.fit_topic, where)
    remark = None
    if fitted.steps:
        plural = "s" if fitted.steps > 1 else ""
        remark = (
            f"{job.stem}.pdf fits one page at {fitted.size} ({fitted.steps} step{plural} below "
            f"the stylesheet's size; floor {STEPS[-1]})"
        )
    return Typeset(fitted.pdf, 1, remark, time.perf_counter() - started)


def work(
    connection: Connection,
    layers: tuple[Path, ...],
    made: Mapping[str, bytes],
    pdf: PdfSettings,
    limits: Limits,
    scratch: str,
) -> None:
    """Child process: typeset each job the build sends, reporting each result, until it
    sends None.

    It dies with the fork server (and so with the build), keeps its temporary files in the
    build's `scratch` folder, and ends quietly when the build stops listening.
    """
    from briefwright.typeset.lifeline import die_with_parent

    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt does
    os.environ["TMPDIR"] = tempfile.tempdir = scratch
    gc.freeze()  # what the fork server imported lives on: the collector need not scan it
    limit = limits.memory_mib * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if limits.niceness:
        os.nice(limits.niceness)
    try:
        _typeset_and_report(connection, layers, made, pdf)
    except MemoryError:
        connection.close()
        raise SystemExit(3) from None
    except (OSError, EOFError):  # the build is gone (a closed pipe): nobody is left to tell
        os._exit(1)
    connection.close()


def _typeset_and_report(
    connection: Connection,
    layers: tuple[Path, ...],
    made: Mapping[str, bytes],
    pdf: PdfSettings,
) -> None:
    """Typeset the jobs as they come with one font configuration, reporting each result."""
    from briefwright.typeset.engine import bundled_fonts

    try:
        with bundled_fonts(layers) as fonts:
            while (job := connection.recv()) is not None:
                connection.send(("done", job.stem, typeset_job(job, layers, pdf, fonts, made)))
    except BriefError as error:
        connection.send(("failed", list(error.diagnostics)))
