"""Turn a content folder into a checked Brief, and a checked brief into the summary `check`
prints: how many statements, quotes and judgments, and how each source is used."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefwright.check import check_brief
from briefwright.errors import BriefError, Diagnostic, Severity
from briefwright.evidence.coverage import source_coverage
from briefwright.load.content import load_brief
from briefwright.model.brief import Brief


@dataclass(frozen=True)
class Checked:
    """A brief that passed its checks, with the warnings and information they raised."""

    brief: Brief
    notices: tuple[Diagnostic, ...]

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """Return the notices that are warnings."""
        return tuple(d for d in self.notices if d.severity is Severity.WARNING)


def load_and_check(content_dir: Path, strict: bool = False) -> Checked:
    """Load and check the content; raise every error (and, if strict, warning) at once. The
    error carries the warnings too, so one run lists everything left to do."""
    brief = load_brief(content_dir)
    diagnostics = check_brief(brief)
    failing_severities = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    if any(d.severity in failing_severities for d in diagnostics):
        raise BriefError([d for d in diagnostics if d.severity is not Severity.INFO])
    return Checked(brief, tuple(d for d in diagnostics if d.severity is not Severity.ERROR))


@dataclass(frozen=True)
class SourceUse:
    """How much of one source the brief uses."""

    source_id: str
    statements: int
    paragraphs: int
    cited_paragraphs: int


@dataclass(frozen=True)
class Summary:
    """What a check verified: statements, quotes, sources, judgments, and each source's use."""

    statements: int
    quotes: int
    sources: int
    judgments: int
    uses: tuple[SourceUse, ...]


def summarise(brief: Brief) -> Summary:
    """Count what the checks verified and measure how each source is used."""
    uses = []
    for source in brief.sources:
        coverage = source_coverage(brief, source)
        cited = len(coverage.paragraphs) - len(coverage.uncited)
        uses.append(SourceUse(source.id, coverage.statements, len(coverage.paragraphs), cited))
    return Summary(
        statements=sum(1 for _ in brief.cited()),
        quotes=sum(1 for _ in brief.citations()),
        sources=len(brief.sources),
        judgments=sum(1 for _ in brief.judgments()),
        uses=tuple(uses),
    )
