"""Turn a project of several briefs into their outputs: each brief in build/<brief-id>/ as a
project of one brief is built, every brief's documents typeset by one pool of workers as
each brief is rendered (a few briefs in flight at a time: pipeline/stream.py), and the
series pages (index.html, and feed.xml when the project has a `base_url`).

A brief whose own inputs (its folder, the sources it cites, the brand, the templates) are
unchanged since its last build, with its files intact, is neither loaded nor rendered
again: its index entry comes from its manifest's summary. The others are built as one
brief is, their PDFs and Word files kept where their keys are unchanged.

The HTML editions' web fonts are the series': each face cut once, into the series' own
assets (build/assets/fonts/), from the union of every brief's characters, which each
brief's manifest records so that a kept brief counts without being rendered again. A brief
links to them from its fonts.css; its release (pipeline/release.py, a brief built alone)
ships its own cuts, self-contained.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.load.content import forget_parsed, load_series
from briefwright.output.manifest import MANIFEST, ArtifactRecord, DocumentRecord, Manifest
from briefwright.output.spool import Spool, spooling
from briefwright.output.webfonts import edition_text, web_assets
from briefwright.output.write import Artifacts, Output
from briefwright.pipeline.checked import Checked, refuse_bad_series_settings, select_briefs
from briefwright.pipeline.clock import Stopwatch, series_time
from briefwright.pipeline.editions import Editions, SharedFonts, docx_reused, make_editions
from briefwright.pipeline.finish import artifact_records, finish
from briefwright.pipeline.incremental import RELEASES, Previous, Snapshot, release_folders
from briefwright.pipeline.length import MainText, measure_main_text
from briefwright.pipeline.locate import locate_missing_glyphs
from briefwright.pipeline.outcome import Built, Produced, RunOptions
from briefwright.pipeline.prepare import Prepared, prepare, read_assets
from briefwright.pipeline.shards import Share
from briefwright.pipeline.stream import Finished, stream
from briefwright.render.brand import (
    FALLBACK_FAMILIES,
    FONTS_CSS,
    WebFonts,
    brand_assets,
    web_fonts_stylesheet,
)
from briefwright.render.labels import LABELS_CSS, load_labels
from briefwright.render.series import (
    FEED,
    INDEX,
    Released,
    SeriesEntry,
    atom_feed,
    brief_summary,
    render_index,
)
from briefwright.settings import BRIEFS, PdfSettings, Project
from briefwright.typeset.pool import Pool

SOURCES = "content/sources/"
#: The editions of each brief the index links to.
EDITIONS = ("brief.pdf", "brief.html", "brief.docx")
#: The key of a brief manifest's summary that records the characters its HTML edition
#: draws: the series' web fonts are cut to the union of every brief's, kept ones' included.
CHARACTERS = "characters"


@dataclass(frozen=True)
class KeptBrief:
    """A brief of the previous build left as it is: its manifest, read from its folder."""

    brief_id: str
    manifest: Manifest


@dataclass
class Gathered:
    """The series' output as it is gathered: the files to write, every file's record (the
    kept briefs' too), every document's record, the index entries, and what the build
    reports of the rebuilt briefs (by brief, since they finish in no fixed order)."""

    artifacts: Artifacts = field(default_factory=Artifacts)
    records: dict[str, ArtifactRecord] = field(default_factory=dict)
    documents: dict[str, DocumentRecord] = field(default_factory=dict)
    entries: list[SeriesEntry] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    reused: dict[str, tuple[str, ...]] = field(default_factory=dict)
    docx_reused: dict[str, tuple[str, ...]] = field(default_factory=dict)
    warnings: dict[str, tuple[Diagnostic, ...]] = field(default_factory=dict)
    lengths: dict[str, MainText] = field(default_factory=dict)
    built: dict[str, datetime] = field(default_factory=dict)
    fonts: SharedFonts = field(default_factory=SharedFonts)
    """The characters of every brief whose HTML edition links to the series' web fonts:
    those made with web fonts (not `serve`'s) and those kept that were."""
    first: tuple[str, Checked] | None = None
    """The id and checked content of the first rebuilt brief in the series' order."""


def build_series(
    project: Project,
    out_dir: Path,
    pdf: PdfSettings,
    run: RunOptions,
    snapshot: Snapshot,
    scratch: Path,
) -> Built:
    """Build the series' briefs (all, or those `run.briefs` names) into out_dir/<brief-id>/,
    and the series pages; carry over what did not change. Files wait in a spool under
    `scratch` until the write."""
    ids = select_briefs(project, run.briefs)
    refuse_bad_series_settings(project)  # before any brief: the feed is written last
    laps = Stopwatch()
    kept, rebuilt = _sort_briefs(project, ids, out_dir, pdf, run, snapshot)
    share = Share(run.shard)
    with Output(out_dir) as output, spooling(scratch) as spool:
        gathered = Gathered(Artifacts(spool))
        _build_briefs(gathered, rebuilt, project, pdf, run, snapshot, spool, share)
        laps.lap("load, check, render, typeset PDFs, web fonts and Word")
        for brief in kept:
            _gather_kept(gathered, brief, out_dir)
        gathered.entries.sort(key=lambda entry: entry.brief_id)
        built_at = _series_time(gathered, kept, snapshot)
        _add_series_files(gathered, project, pdf, snapshot, built_at, out_dir)
        shard_files = share.record(snapshot, pdf, gathered.seconds)
        gathered.artifacts.update(shard_files, "the shard record")
        laps.lap("series pages and manifest")
        written = output.write(gathered.artifacts, whole=run.shard is None and run.only is None)
    produced = _produced(gathered, laps)
    return Built(out_dir, written, produced, output.seconds, tuple(output.retired))


def _sort_briefs(
    project: Project,
    ids: tuple[str, ...],
    out_dir: Path,
    pdf: PdfSettings,
    run: RunOptions,
    snapshot: Snapshot,
) -> tuple[list[KeptBrief], list[tuple[str, Previous | None]]]:
    """Return the briefs kept as they are (not chosen, or unchanged), and those to build
    with their previous build (None when there is none or it is not to be reused)."""
    kept, rebuilt = [], []
    for brief_id in project.series():
        past = None if run.force else Previous.read(out_dir / brief_id)
        if brief_id not in ids or _unchanged(past, snapshot, brief_id, pdf, run.web_fonts):
            if past is not None and past.manifest.summary:
                kept.append(KeptBrief(brief_id, past.manifest))
            continue
        rebuilt.append((brief_id, past))
    return kept, rebuilt


def _build_briefs(
    gathered: Gathered,
    rebuilt: list[tuple[str, Previous | None]],
    project: Project,
    pdf: PdfSettings,
    run: RunOptions,
    snapshot: Snapshot,
    spool: Spool,
    share: Share,
) -> None:
    """Build the briefs a few at a time (pipeline/stream.py), their documents typeset by
    one pool of workers (those of this run's `share`), and gather each as it is finished."""
    theme_assets = read_assets(project.layers)  # one copy for every brief: fonts are MBs
    web_fonts = WebFonts.SERIES if run.web_fonts else WebFonts.FULL

    def prepare_one(item: tuple[str, Previous | None]) -> Prepared:
        brief_id, past = item
        sub = replace(project, brief=brief_id)
        ready = prepare(sub, pdf, run.only, snapshot, past, prefix=f"{brief_id}/",
                        theme_assets=theme_assets, fonts=web_fonts)  # fmt: skip
        forget_parsed()
        return replace(ready, snapshot=_brief_snapshot(ready, snapshot))

    fonts = gathered.fonts if run.web_fonts else None

    def editions_of(ready: Prepared) -> Editions:
        return make_editions(ready, pdf, run.web_fonts, spool, fonts)

    with Pool(project.layers, pdf, run.jobs, run.limits, run.progress) as pool:
        try:
            for done in stream(rebuilt, prepare_one, editions_of, share.jobs, pool, run.jobs + 2):
                _gather_built(gathered, done, pdf)
        except BriefError as error:
            raise locate_missing_glyphs(error, project.content) from None


def _gather_built(gathered: Gathered, done: Finished, pdf: PdfSettings) -> None:
    """Add a rebuilt brief's files (under its folder), records, index entry and report."""
    ready = done.ready
    checked = ready.rendered.checked
    summary = brief_summary(checked.brief)
    # The brief's characters and its translations' (their folders are under its own), so
    # that the series' fonts still cover them when it is kept.
    mine = [text for prefix, text in gathered.fonts.characters.items()
            if prefix.startswith(ready.prefix)]  # fmt: skip
    if mine:
        summary[CHARACTERS] = "".join(sorted(set("".join(mine))))
    own_documents, own = finish(ready, pdf, done.typeset, done.editions, summary)
    brief_id = ready.prefix.rstrip("/")
    for name in own:
        gathered.artifacts.add(f"{brief_id}/{name}", own.payload(name), f"brief {brief_id}")
    gathered.documents |= {f"{brief_id}/{stem}": r for stem, r in own_documents.items()}
    gathered.entries.append(SeriesEntry(brief_id, summary))
    gathered.seconds |= {stem: result.seconds for stem, result in done.typeset.items()}
    gathered.reused[brief_id] = tuple(f"{ready.prefix}{stem}" for stem in ready.kept_pdfs())
    gathered.docx_reused[brief_id] = docx_reused(ready, done.editions)
    length = measure_main_text(checked.brief, ready.rendered.labels, own)
    gathered.warnings[brief_id] = checked.warnings + (length.diagnostics if length else ())
    if length is not None:
        gathered.lengths[brief_id] = replace(length, stem=f"{brief_id}/{length.stem}")
    gathered.built[brief_id] = ready.rendered.built_at
    if gathered.first is None or brief_id < gathered.first[0]:
        gathered.first = (brief_id, checked)


def _gather_kept(gathered: Gathered, brief: KeptBrief, out_dir: Path) -> None:
    """Add a kept brief's records (its files stay where they are) and index entry."""
    prefix = f"{brief.brief_id}/"
    gathered.records |= {f"{prefix}{name}": r for name, r in brief.manifest.artifacts.items()}
    manifest = (out_dir / brief.brief_id / MANIFEST).read_bytes()
    gathered.records[f"{prefix}{MANIFEST}"] = ArtifactRecord.of(manifest)
    gathered.documents |= {f"{prefix}{s}": r for s, r in brief.manifest.documents.items()}
    gathered.entries.append(SeriesEntry(brief.brief_id, brief.manifest.summary))
    characters = brief.manifest.summary.get(CHARACTERS)
    if isinstance(characters, str):
        gathered.fonts.characters[prefix] = characters


def _add_series_files(
    gathered: Gathered,
    project: Project,
    pdf: PdfSettings,
    snapshot: Snapshot,
    built_at: datetime,
    out_dir: Path,
) -> None:
    """Add the series pages (the index lists the releases out_dir holds) and the series
    manifest, which records those releases: a new one makes the next build a rebuild."""
    releases = released_versions(out_dir, gathered.entries, f"{RELEASES}/")
    union = gathered.fonts.union() if gathered.fonts.characters else None
    pages = series_pages(project, gathered.entries, built_at, releases=releases, characters=union)
    gathered.artifacts.update(pages, "series pages")
    records = gathered.records | artifact_records(gathered.artifacts)
    manifest = Manifest(
        product_id="series",
        version=str(len(gathered.entries)),
        built=built_at.isoformat(),
        source_date_epoch=int(built_at.timestamp()),
        options=pdf.recorded(),
        inputs=snapshot.inputs,
        sources={},
        documents=gathered.documents,
        artifacts=dict(sorted(records.items())),
        summary={
            "briefs": [entry.brief_id for entry in gathered.entries],
            "releases": release_folders(out_dir),
        },
    )
    gathered.artifacts.add(MANIFEST, manifest.to_json(), "the series manifest")


def series_pages(
    project: Project,
    entries: list[SeriesEntry],
    built: Any,
    folders: dict[str, str] | None = None,
    releases: dict[str, list[Released]] | None = None,
    characters: str | None = None,
) -> dict[str, bytes]:
    """Return the series pages: index.html with its assets (its fonts cut to its text, and
    to `characters`, every brief's, when the briefs link to them), and feed.xml when the
    series has a base_url; `folders` are the briefs' folders by id, `releases` each brief's
    released versions."""
    series, brand = load_series(project.content)
    t = load_labels(project.layers, series.language, brand.labels, brand.where("labels"),
                    brand.label_places)  # fmt: skip
    html = render_index(series, brand, entries, project.layers, t, built, EDITIONS, folders,
                        releases)  # fmt: skip
    assets = read_assets(project.layers) | brand_assets(brand, project.content)
    assets[LABELS_CSS] = t.stylesheet().encode("utf-8")
    fonts_css = web_fonts_stylesheet(brand)
    pages = {INDEX: html.encode("utf-8")}
    text = None
    if characters is not None:
        text = "".join(sorted(set(edition_text([html], assets, fonts_css) + characters)))
    pages |= web_assets([html], assets, fonts_css, FONTS_CSS, FALLBACK_FAMILIES, text)
    if series.base_url:
        pages[FEED] = atom_feed(series, entries, t, built, folders)
    return pages


def _unchanged(
    past: Previous | None, snapshot: Snapshot, brief_id: str, pdf: PdfSettings, web_fonts: bool
) -> bool:
    """Return True when a brief's own inputs are those of its last build, files intact, and
    (with web fonts) its manifest records its characters, which the series' fonts cover."""
    if past is None or (web_fonts and CHARACTERS not in past.manifest.summary):
        return False
    inputs = _own_inputs(snapshot.inputs, brief_id, set(past.manifest.inputs))
    return past.is_current(replace(snapshot, inputs=inputs), pdf)


def _own_inputs(inputs: dict[str, str], brief_id: str, sources: set[str]) -> dict[str, str]:
    """Return the inputs one brief depends on: its folder, the sources among `sources`, and
    everything shared (the brand, the series settings, the templates, the theme)."""
    folder = f"content/{BRIEFS}/"
    return {
        name: digest
        for name, digest in inputs.items()
        if name.startswith(f"{folder}{brief_id}/")
        or (name.startswith(SOURCES) and name in sources)
        or not name.startswith((folder, SOURCES))
    }


def _brief_snapshot(ready: Prepared, snapshot: Snapshot) -> Snapshot:
    """Return the snapshot a brief's manifest records: its own inputs, with the sources
    it cites."""
    brief = ready.rendered.checked.brief
    content = ready.project.content
    cited = {_source_key(content, source.where()) for source in brief.sources}
    inputs = _own_inputs(snapshot.inputs, ready.prefix.rstrip("/"), cited)
    return replace(snapshot, project=ready.project, inputs=inputs)


def _source_key(content: Path, where: Location | None) -> str:
    """Return the input name of a source file (content/sources/<file>)."""
    path = Path(where.path) if where is not None else Path()
    return f"content/{path.resolve().relative_to(content.resolve()).as_posix()}"


def released_versions(
    out_dir: Path, entries: list[SeriesEntry], base: str
) -> dict[str, list[Released]]:
    """Return each brief's released versions in out_dir/release/, oldest first, each with
    the address of its folder from the index (`base`, then the folder): a release's path
    never changes, so a link to it holds. A folder counts when its manifest names its
    product and version."""
    found: dict[str, list[Released]] = {}
    for name in release_folders(out_dir):
        manifest = Manifest.read(out_dir / RELEASES / name)
        if manifest is None or name != f"{manifest.product_id}-{manifest.version}":
            continue
        found.setdefault(manifest.product_id, []).append(Released(manifest.version, base + name))
    return {
        entry.brief_id: sorted(found.get(str(entry.summary["product_id"]), []), key=_version)
        for entry in entries
    }


def _version(released: Released) -> tuple[int, ...]:
    return tuple(int(part) for part in released.version.split("."))


def _series_time(gathered: Gathered, kept: list[KeptBrief], snapshot: Snapshot) -> datetime:
    """Return the series' build time (pipeline/clock.py) from its briefs'."""
    times = [*gathered.built.values()]
    times += [datetime.fromisoformat(brief.manifest.built) for brief in kept]
    return series_time(times, snapshot.epoch)


def _produced(gathered: Gathered, laps: Stopwatch) -> Produced:
    """Return what the series build made, as the build command reports it."""
    in_order = sorted(gathered.built)
    first = gathered.built[in_order[0]] if in_order else None
    return Produced(
        checked=gathered.first[1] if gathered.first else None,
        built_at=first,
        artifacts=gathered.artifacts,
        documents=gathered.documents,
        typeset=tuple(sorted(gathered.seconds)),
        reused=tuple(stem for brief in in_order for stem in gathered.reused[brief]),
        docx_reused=tuple(stem for brief in in_order for stem in gathered.docx_reused[brief]),
        seconds=dict(sorted(gathered.seconds.items())),
        timings=laps.laps,
        warnings=tuple(w for brief in in_order for w in gathered.warnings[brief]),
        lengths=tuple(gathered.lengths[brief] for brief in in_order if brief in gathered.lengths),
    )
