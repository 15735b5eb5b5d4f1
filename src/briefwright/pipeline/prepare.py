"""Turn a project into one brief ready to typeset: loaded, checked and rendered (its
pages, its source pages, the assets they link to), its reuse of the previous build planned,
its typesetting jobs made, and what an `--only` build carries over; and the same for each
translated edition the brief declares (build/<language>/, from translate/apply.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from briefwright.check.text import check_text_is_plain
from briefwright.compare.record import ContentRecord
from briefwright.files import read_regular, regular_files
from briefwright.model.brief import Brief
from briefwright.output.manifest import tool_versions
from briefwright.pipeline.checked import (
    Checked,
    check_loaded,
    load_and_check_brief,
    load_project_brief,
)
from briefwright.pipeline.clock import Stopwatch, build_time
from briefwright.pipeline.incremental import (
    MAX_INPUT_BYTES,
    Kept,
    Plan,
    Previous,
    Snapshot,
    plan_reuse,
)
from briefwright.pipeline.targets import Target, render_pages, select_targets
from briefwright.pipeline.versions import changes_of_edition, record_of
from briefwright.render.brand import WebFonts, brand_assets, preloaded_fonts, source_page_fonts
from briefwright.render.changes import History, history
from briefwright.render.editions import quoted_language
from briefwright.render.html import document_labels
from briefwright.render.labels import LABELS_CSS, Labels
from briefwright.render.notes import NoteIndex
from briefwright.render.sources import render_source_page, source_page_path
from briefwright.settings import PdfSettings, Project
from briefwright.translate.apply import translated
from briefwright.typeset.worker import Job

ASSETS = "assets"


@dataclass(frozen=True)
class Rendered:
    """A checked brief's documents as HTML, with the assets they link to: the templates'
    files and the ones made from the brand and labels (`made`, also in `assets`)."""

    checked: Checked
    built_at: datetime
    targets: list[Target]
    pages: dict[str, str]
    assets: dict[str, bytes]
    made: dict[str, bytes]
    labels: Labels
    source_pages: dict[str, str]
    """The HTML edition's page of each source, by path (`sources/<id>.html`)."""
    record: ContentRecord
    """The brief as data (content.json): every statement, source and correction."""
    history: History | None = None
    """What changed since the version `metadata.previous` names, as the brief prints it."""


@dataclass(frozen=True)
class Place:
    """Where an edition's pages will be: its folder in the output (`prefix`, a series'
    brief's and a translation's) and where its web fonts are."""

    fonts: WebFonts = WebFonts.FULL
    prefix: str = ""


@dataclass(frozen=True)
class Prepared:
    """One brief ready to typeset: rendered, its reuse planned, its typesetting jobs (their
    stems under `prefix`, the brief's folder in a series), and what it carries over; and
    each of its translated editions, prepared the same way in `<prefix><language>/`."""

    project: Project
    snapshot: Snapshot
    rendered: Rendered
    plan: Plan
    jobs: list[Job]
    carried: dict[str, Kept]
    previous: Previous | None
    versions: dict[str, object]
    prefix: str = ""
    translations: tuple[Prepared, ...] = ()
    fonts: WebFonts = WebFonts.FULL
    """Where the HTML edition's fonts are (its pages preload their body face from there)."""

    @property
    def language(self) -> str:
        """Return the language this edition is written in (BCP 47)."""
        return self.rendered.checked.brief.metadata.language

    def editions(self) -> tuple[Prepared, ...]:
        """Return the brief and its translated editions, the original first."""
        return (self, *self.translations)

    def kept_pdfs(self) -> tuple[str, ...]:
        """Return the stems of the PDFs kept from the previous build, every edition's (a
        translation's under its folder, `ja/brief`)."""
        return tuple(f"{edition.prefix.removeprefix(self.prefix)}{stem}"
                     for edition in self.editions() for stem in edition.plan.kept)  # fmt: skip

    def all_jobs(self) -> list[Job]:
        """Return the typesetting jobs of the brief and of every translated edition."""
        return [job for edition in self.editions() for job in edition.jobs]


def prepare(
    project: Project,
    pdf: PdfSettings,
    only: str | None,
    snapshot: Snapshot,
    previous: Previous | None = None,
    checked: Checked | None = None,
    laps: Stopwatch | None = None,
    prefix: str = "",
    theme_assets: dict[str, bytes] | None = None,
    submit: Callable[[list[Job]], None] | None = None,
    fonts: WebFonts = WebFonts.FULL,
) -> Prepared:
    """Load, check and render one brief, and plan which of its PDFs to typeset again
    (`theme_assets`: the templates' assets, when the caller has read them already); then
    the same for each translation it declares. Each edition's jobs go to `submit`, when
    given, as soon as they are known: then the brief is checked once its own are out
    (`_render_before_checks`), unless `checked` says it was already. `fonts` says where
    the HTML edition's fonts will be, for its pages to preload."""
    theme_assets = read_assets(project.layers) if theme_assets is None else theme_assets
    early = checked is None and submit is not None  # render, hand out, then check
    place = Place(fonts, prefix)
    rendered, unchecked = _render(project, only, snapshot.epoch, checked, early, laps,
                                  theme_assets, place)  # fmt: skip
    plan = plan_reuse(rendered.pages, pdf, rendered.assets, previous)
    jobs = [
        replace(t.job(rendered.pages[t.stem]), stem=prefix + t.stem, made=rendered.made)
        for t in rendered.targets
        if t.stem in plan.to_typeset
    ]
    if submit is not None:
        submit(jobs)
    if unchecked:  # rendered before its checks: check it now
        checked = check_loaded(rendered.checked.brief, layers=project.layers)
        rendered = replace(rendered, checked=checked)
        if laps is not None:
            laps.lap("check, beside typesetting")
    # Read once the jobs are out (fontTools reads each face's version: ~0.04 s).
    versions = tool_versions(rendered.assets)
    carried = carry_over(previous, rendered, project.content)
    if laps is not None:
        laps.lap("source pages and reuse plan")
    ready = Prepared(project, snapshot, rendered, plan, jobs, carried, previous, versions, prefix,
                     fonts=fonts)  # fmt: skip
    brief = rendered.checked.brief
    editions = tuple(
        _prepare_translation(ready, pdf, only, language, laps, theme_assets, submit)
        for language in brief.metadata.translations
    )
    return replace(ready, translations=editions)


def _render(
    project: Project,
    only: str | None,
    epoch: int | None,
    checked: Checked | None,
    early: bool,
    laps: Stopwatch | None,
    theme_assets: dict[str, bytes],
    place: Place,
) -> tuple[Rendered, bool]:
    """Return the brief rendered, and whether its checks are still to run: `early`, it is
    rendered as loaded (`_render_before_checks`), unless its text would be slow to
    typeset; otherwise checked (unless `checked` says it was already), then rendered."""
    if early:
        brief = load_project_brief(project)
        if laps is not None:
            laps.lap("load")
        if not _slow_to_typeset(brief):
            rendered = _render_before_checks(project, only, epoch, brief, laps, theme_assets,
                                             place)  # fmt: skip
            return rendered, True
        checked = check_loaded(brief, layers=project.layers)  # the checks first, as a shard's
    return render_site(project, only, epoch, checked, laps, theme_assets, place), False


def _slow_to_typeset(brief: Brief) -> bool:
    """Return True when the brief's text says something the checks judge (BW150–BW152):
    a word of thousands of characters makes layout crawl, and the workers would typeset it
    while the checks ran (~0.02 s to ask)."""
    return next(check_text_is_plain(brief), None) is not None


def _render_before_checks(
    project: Project,
    only: str | None,
    epoch: int | None,
    brief: Brief,
    laps: Stopwatch | None,
    theme_assets: dict[str, bytes],
    place: Place,
) -> Rendered:
    """Return the brief rendered as loaded, its checks not yet run (its `Checked` holds no
    notices until they have), so that its documents reach the workers ~0.2 s sooner:
    prepare() checks it once they are out, and nothing is written before then. Should
    rendering fail, the checks speak first: content they refuse (a quote not in its source,
    which the renderer cannot place) is what a reader must fix, whatever rendering tripped
    on. An interrupt is no failure: it passes at once, unchecked."""
    try:
        return render_site(project, only, epoch, Checked(brief, ()), laps, theme_assets, place)
    except Exception:
        check_loaded(brief, layers=project.layers)
        raise


def _prepare_translation(
    ready: Prepared,
    pdf: PdfSettings,
    only: str | None,
    language: str,
    laps: Stopwatch | None,
    theme_assets: dict[str, bytes],
    submit: Callable[[list[Job]], None] | None,
) -> Prepared:
    """Prepare the brief's edition in a language, in its folder (`<prefix><language>/`)."""
    edition = Checked(translated(ready.rendered.checked.brief, language), ())
    previous = _within(ready.previous, language)
    prefix = f"{ready.prefix}{language}/"
    return prepare(ready.project, pdf, only, ready.snapshot, previous, edition, laps, prefix,
                   theme_assets, submit, ready.fonts)  # fmt: skip


def _within(previous: Previous | None, language: str) -> Previous | None:
    """Return the previous build of a translated edition: its folder's own manifest."""
    if previous is None:
        return None
    return Previous.read(previous.out_dir / language, previous.forced)


def render_site(
    project: Project,
    only: str | None,
    epoch: int | None,
    checked: Checked | None = None,
    laps: Stopwatch | None = None,
    theme_assets: dict[str, bytes] | None = None,
    place: Place | None = None,
) -> Rendered:
    """Load and check the content (unless given), then render the documents `only` names,
    each page preloading its body face from where `place` says the edition's web fonts are
    (none: the full faces); the templates' assets are read, unless given."""
    laps = laps or Stopwatch()
    if checked is None:
        checked = load_and_check_brief(project)
        laps.lap("load and check")
    brief = checked.brief
    built_at = build_time(brief.metadata.as_of, epoch)
    targets = select_targets(brief, only, project.content)
    t = document_labels(brief, project.layers)
    record = record_of(brief, t)
    changes = changes_of_edition(project, brief, record, t)
    past = history(changes, t, record) if changes is not None else None
    place = place or Place()
    language = brief.metadata.language
    preload = preloaded_fonts(brief.brand, language, place.fonts, place.prefix)
    pages = render_pages(brief, targets, project.layers, built_at, t, past, preload)
    made = made_assets(brief, t, project.content)
    laps.lap("render HTML")
    theme_assets = read_assets(project.layers) if theme_assets is None else theme_assets
    assets = dict(sorted((theme_assets | made).items()))
    notes = NoteIndex(brief, t)
    quoted = quoted_language(brief)
    source_preload = source_page_fonts(brief.brand, language, place.fonts, place.prefix, quoted)
    sources = {
        source_page_path(source): render_source_page(
            brief, source, notes, project.layers, built_at, source.publish, t, source_preload
        )
        for source in brief.sources
    }
    return Rendered(checked, built_at, targets, pages, assets, made, t, sources, record, past)


def made_assets(brief: Brief, t: Labels, content: Path) -> dict[str, bytes]:
    """Return the assets the build makes rather than copies: the brand's stylesheets and
    files, and labels.css in the brief's language."""
    return brand_assets(brief.brand, content) | {LABELS_CSS: t.stylesheet().encode("utf-8")}


def carry_over(
    previous: Previous | None, rendered: Rendered, content_dir: Path
) -> dict[str, Kept]:
    """Return, by stem, the documents of the previous build that a partial (--only) build
    did not make and keeps as they are."""
    if previous is None:
        return {}
    carried = {}
    for target in select_targets(rendered.checked.brief, None, content_dir):
        kept = None if target.stem in rendered.pages else previous.carried(target.stem)
        if kept is not None and kept.html is not None:
            carried[target.stem] = kept
    return carried


def read_assets(layers: tuple[Path, ...]) -> dict[str, bytes]:
    """Return the stylesheets and fonts the HTML links to, keyed by their path in out_dir;
    a file of the project's own templates/assets/ replaces the theme's of the same path.

    Only regular files inside the templates are read: a symlink leading out is refused,
    never copied into the output.
    """
    assets: dict[str, bytes] = {}
    for layer in reversed(layers):
        for path in regular_files(layer / ASSETS):
            data = read_regular(path, layer, MAX_INPUT_BYTES)
            assets[path.relative_to(layer).as_posix()] = data
    return dict(sorted(assets.items()))
