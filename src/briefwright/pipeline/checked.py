"""Turn a content folder into a checked Brief, and a checked brief into the summary `check`
prints: how many statements, quotes and judgments, the main text's words, and how each
source is used."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefwright.check import check_brief
from briefwright.check.length import main_text_words
from briefwright.check.text import check_no_hidden_characters, check_text_is_plain
from briefwright.errors import BriefError, Diagnostic, Location, Severity
from briefwright.evidence.coverage import source_coverage
from briefwright.load.content import load_brief, load_library, load_series
from briefwright.model.base import id_problem
from briefwright.model.brief import Brief
from briefwright.model.source import Source
from briefwright.output.manifest import Manifest
from briefwright.render.labels import brand_label_problems
from briefwright.settings import BRIEFS, Project


@dataclass(frozen=True)
class Checked:
    """A brief that passed its checks, with the warnings and information they raised."""

    brief: Brief
    notices: tuple[Diagnostic, ...]

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """Return the notices that are warnings."""
        return tuple(d for d in self.notices if d.severity is Severity.WARNING)


def load_and_check(
    content_dir: Path,
    strict: bool = False,
    brief_dir: Path | None = None,
    layers: tuple[Path, ...] | None = None,
) -> Checked:
    """Load and check the content (in a series, the brief of `brief_dir`); raise every error
    (and, if strict, warning) at once. The error carries the warnings too, so one run lists
    everything left to do. With the template `layers`, the brand's labels are checked too."""
    return check_loaded(load_brief(content_dir, brief_dir), strict, layers)


def check_loaded(
    brief: Brief, strict: bool = False, layers: tuple[Path, ...] | None = None
) -> Checked:
    """Check a loaded brief as load_and_check does, raising its errors (and, if strict,
    warnings) at once."""
    diagnostics = check_brief(brief)
    if layers is not None:  # the brand's labels, judged against the catalogues they override
        diagnostics += brand_label_problems(brief.brand, layers, brief.metadata.language)
    failing_severities = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    if any(d.severity in failing_severities for d in diagnostics):
        raise BriefError([d for d in diagnostics if d.severity is not Severity.INFO])
    return Checked(brief, tuple(d for d in diagnostics if d.severity is not Severity.ERROR))


def load_and_check_brief(project: Project, strict: bool = False) -> Checked:
    """Load and check the brief a project value stands for: its one brief, or the series
    brief it names (`project.brief`)."""
    return check_loaded(load_project_brief(project), strict, project.layers)


def load_project_brief(project: Project) -> Brief:
    """Load, unchecked, the brief a project value stands for (its one brief, or the series
    brief it names); check it with `check_loaded(brief, layers=project.layers)`."""
    brief_dir = project.brief_root if project.brief else None
    return load_brief(project.content, brief_dir)


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
    words: int = 0
    """The main text's words (check/length.py), against `word_budget`."""
    word_budget: int = 0


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
        words=main_text_words(brief),
        word_budget=brief.metadata.length.words,
    )


@dataclass(frozen=True)
class ProjectChecked:
    """A project's briefs that passed their checks, by id ("" for a project of one brief),
    and what the checks of a series' library of sources found."""

    briefs: dict[str, Checked]
    library: tuple[Diagnostic, ...] = ()
    review: tuple[Diagnostic, ...] = ()
    """The open items of the project's review file (review.yaml), as information."""

    @property
    def notices(self) -> tuple[Diagnostic, ...]:
        """Return every warning and information, the briefs' first, then the library's, then
        the open review items."""
        briefs = (n for checked in self.briefs.values() for n in checked.notices)
        return (*briefs, *self.library, *self.review)


def select_briefs(project: Project, names: tuple[str, ...]) -> tuple[str, ...]:
    """Return the briefs of a series to build or check: all, or those named (BW005 for a
    name that is not one of them, listing those that are; BW003 for every folder whose
    name is no id: it becomes the brief's folder in build/ and the links to it)."""
    series = project.series()
    bad = [(brief_id, id_problem(brief_id)) for brief_id in series]
    if any(problem for _, problem in bad):
        raise BriefError(
            Diagnostic("BW003", f"the folder's name is not a brief id; rename it ({problem})",
                       Location(str(project.content / BRIEFS / brief_id)))
            for brief_id, problem in bad if problem
        )  # fmt: skip
    unknown = [name for name in names if name not in series]
    if unknown:
        message = f"{unknown[0]!r} names no brief of the series; use one of: {', '.join(series)}"
        raise BriefError.of("BW005", message, Location(str(project.content / BRIEFS)))
    return tuple(names) or series


def check_series(
    project: Project,
    names: tuple[str, ...] = (),
    strict: bool = False,
    out_dir: Path | None = None,
) -> ProjectChecked:
    """Check every brief of a series (or those named) and the library they share; raise
    every brief's errors at once. `out_dir` holds the previous build, whose fingerprints
    show which sources changed since (BW182)."""
    ids = select_briefs(project, names)
    checked: dict[str, Checked] = {}
    problems: list[Diagnostic] = []
    try:
        settings = series_settings_checks(project)
    except BriefError as error:
        settings, problems = [], list(error.diagnostics)
    for brief_id in ids:
        try:
            checked[brief_id] = load_and_check(
                project.content, strict, project.content / BRIEFS / brief_id, project.layers
            )
        except BriefError as error:
            problems += error.diagnostics
    library = (*settings, *library_checks(project, checked, out_dir, complete=not names))
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    if problems or any(d.severity in failing for d in library):
        shown = [*problems, *(d for d in library if d.severity is not Severity.INFO)]
        raise BriefError(dict.fromkeys(shown))  # a shared file's problem once, not once a brief
    return ProjectChecked(checked, library)


def series_settings_checks(project: Project) -> list[Diagnostic]:
    """Load content/series.yaml (raising for its syntax or schema) and check its texts as a
    brief's are: no markup, placeholder or hidden character (BW150–BW154). Its title and
    description reach the index and the Atom feed, which XML-forbidden characters break."""
    series, _ = load_series(project.content)
    return [*check_text_is_plain(series), *check_no_hidden_characters(series)]


def refuse_bad_series_settings(project: Project) -> None:
    """Raise the errors of the series' settings before anything of the series is built."""
    errors = [d for d in series_settings_checks(project) if d.severity is Severity.ERROR]
    if errors:
        raise BriefError(errors)


def library_checks(
    project: Project, checked: dict[str, Checked], out_dir: Path | None, complete: bool
) -> Iterator[Diagnostic]:
    """BW180: a source no brief cites (only when every brief was checked); BW181: two
    sources with one text; BW182: a source changed since the last build, with its briefs."""
    library = load_library(project.content)
    citing: dict[str, list[str]] = {}
    for brief_id, result in checked.items():
        for source in result.brief.sources:
            citing.setdefault(source.id, []).append(brief_id)
    by_text: dict[str, Source] = {}
    built = _built_fingerprints(project, out_dir)
    for source in library:
        where = source.where() or Location(str(project.content / "sources"))
        if complete and len(checked) == len(project.series()) and source.id not in citing:
            yield Diagnostic("BW180", f"source '{source.id}' is cited by no brief", where)
        twin = by_text.setdefault(source.fingerprint, source)
        if twin is not source:
            message = f"source '{source.id}' has the same text as '{twin.id}'; keep one"
            yield Diagnostic("BW181", message, where)
        before = built.get(source.id)
        if before is not None and before != source.fingerprint and source.id in citing:
            briefs = ", ".join(citing[source.id])
            message = f"source '{source.id}' changed since the last build; cited by {briefs}"
            yield Diagnostic("BW182", message, where)


def _built_fingerprints(project: Project, out_dir: Path | None) -> dict[str, str]:
    """Return each source's fingerprint as the briefs' last build recorded it."""
    if out_dir is None:
        return {}
    found: dict[str, str] = {}
    for brief_id in project.series():
        manifest = Manifest.read(out_dir / brief_id)
        for source_id, entry in (manifest.sources if manifest else {}).items():
            found.setdefault(source_id, str(entry.get("sha256")))
    return found
