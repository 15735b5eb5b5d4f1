"""Turn one job's HTML into PDF bytes: the brief as it flows, a one-pager fitted to a page.

Runs inside a worker process (see isolate.py) and imports WeasyPrint through typeset.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefwright.errors import Location
from briefwright.fit import STEPS, fit_one_page
from briefwright.targets import ONEPAGERS
from briefwright.typeset import Typesetter

if TYPE_CHECKING:
    from weasyprint.text.fonts import FontConfiguration

    from briefwright.isolate import Job


def typeset_job(
    job: Job, templates_dir: Path, paper: str, variant: str, fonts: FontConfiguration | None
) -> tuple[bytes, int, str | None]:
    """Typeset one job; return its PDF, its pages and, for a fitted one-pager, a remark.

    `fonts` (from typeset.bundled_fonts) may be shared by a worker's jobs: each new
    configuration costs a document ~0.03 s of font loading.
    """
    with Typesetter(templates_dir, paper, f"{job.stem}.pdf", variant, fonts) as typesetter:
        if job.fit_topic is None:
            document = typesetter.render(job.html)
            return typesetter.write(document), len(document.pages), None
        where = job.fit_where or Location(job.stem)
        fitted = fit_one_page(typesetter, job.html, ONEPAGERS, job.fit_topic, where)
    if not fitted.steps:
        return fitted.pdf, 1, None
    plural = "s" if fitted.steps > 1 else ""
    remark = (
        f"{job.stem}.pdf fits one page at {fitted.size} ({fitted.steps} step{plural} below "
        f"the stylesheet's size; floor {STEPS[-1]})"
    )
    return fitted.pdf, 1, remark
