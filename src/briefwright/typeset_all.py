"""Turn every target's HTML into PDF bytes: the brief as it flows, each one-pager fitted.

Imports WeasyPrint (through typeset), so the build imports this module lazily.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from briefwright.errors import Location
from briefwright.fit import STEPS, fit_one_page
from briefwright.models import Brief
from briefwright.targets import ONEPAGERS, Target
from briefwright.typeset import Typesetter


def typeset_targets(
    brief: Brief,
    targets: list[Target],
    pages: Mapping[str, str],
    templates_dir: Path,
    paper: str,
) -> tuple[dict[str, bytes], tuple[str, ...]]:
    """Typeset each target; return PDFs by stem and remarks on fitted one-pagers."""
    pdfs: dict[str, bytes] = {}
    remarks: list[str] = []
    for target in targets:
        html = pages[target.stem]
        with Typesetter(templates_dir, paper, f"{target.stem}.pdf") as typesetter:
            if target.topic is None:
                pdfs[target.stem] = typesetter.write(typesetter.render(html))
                continue
            topic = target.topic
            where = topic.onepager.where("key_points") or topic.where() or Location("topics")
            fitted = fit_one_page(typesetter, html, ONEPAGERS, topic.id, where)
        pdfs[target.stem] = fitted.pdf
        if fitted.steps:
            remarks.append(
                f"{target.stem}.pdf fits one page at {fitted.size} "
                f"({fitted.steps} step{'s' if fitted.steps > 1 else ''} below the "
                f"stylesheet's size; floor {STEPS[-1]})"
            )
    return pdfs, tuple(remarks)
