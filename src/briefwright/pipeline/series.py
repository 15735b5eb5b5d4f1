"""Turn a project of several briefs into their outputs: each brief in build/<brief-id>/ as a
project of one brief is built, every brief's documents typeset by one pool of workers, and
the series pages (index.html, and feed.xml when the project has a `base_url`).

A brief whose own inputs (its folder, the sources it cites, the brand, the templates) are
unchanged since its last build, with its files intact, is neither loaded nor rendered
again: its index entry comes from its manifest's summary. The others are built as one
brief is, their PDFs and Word files kept where their keys are unchanged.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from briefwright.errors import Diagnostic, Location
from briefwright.load.content import load_series
from briefwright.model.brief import Brief
from briefwright.output.manifest import MANIFEST, ArtifactRecord, DocumentRecord, Manifest
from briefwright.output.spool import Payload, spooling
from briefwright.output.webfonts import web_assets
from briefwright.output.write import Artifacts, check_writable, write_artifacts
from briefwright.pipeline.build import (
    Built,
    Produced,
    RunOptions,
    UpToDate,
    typeset_with_editions,
)
from briefwright.pipeline.checked import select_briefs
from briefwright.pipeline.clock import Stopwatch
from briefwright.pipeline.editions import WordEdition
from briefwright.pipeline.finish import artifact_records, finish
from briefwright.pipeline.incremental import Previous, Snapshot
from briefwright.pipeline.prepare import Prepared, prepare, read_assets
from briefwright.pipeline.scratch import enter_scratch
from briefwright.render.brand import (
    FALLBACK_FAMILIES,
    FONTS_CSS,
    brand_assets,
    web_fonts_stylesheet,
)
from briefwright.render.labels import LABELS_CSS, load_labels
from briefwright.render.series import FEED, INDEX, SeriesEntry, atom_feed, render_index
from briefwright.settings import BRIEFS, PdfSettings, Project
from briefwright.typeset.pool import warm_up
from briefwright.typeset.worker import Typeset

SOURCES = "content/sources/"
#: The editions of each brief the index links to.
EDITIONS = ("brief.pdf", "brief.html", "brief.docx")


@dataclass(frozen=True)
class KeptBrief:
    """A brief of the previous build left as it is: its manifest, read from its folder."""

    brief_id: str
    manifest: Manifest


@dataclass
class Gathered:
    """The series' output as it is gathered: the files to write, every file's record (the
    kept briefs' too), every document's record, and the index entries."""

    artifacts: Artifacts = field(default_factory=Artifacts)
    records: dict[str, ArtifactRecord] = field(default_factory=dict)
    documents: dict[str, DocumentRecord] = field(default_factory=dict)
    entries: list[SeriesEntry] = field(default_factory=list)


def build_series(
    project: Project,
    out_dir: Path,
    pdf: PdfSettings,
    run: RunOptions,
    snapshot: Snapshot,
    briefs: tuple[str, ...] = (),
) -> UpToDate | Built:
    """Build the series' briefs (all, or those `briefs` names) into out_dir/<brief-id>/,
    and the series pages; carry over what did not change."""
    ids = select_briefs(project, briefs)
    previous = None if run.force else Previous.read(out_dir)
    if not briefs and previous is not None and previous.is_current(snapshot, pdf):
        return UpToDate(out_dir)
    check_writable(out_dir)
    scratch = enter_scratch()
    warm_up()
    laps = Stopwatch()
    kept, prepared = _prepare_briefs(project, ids, out_dir, pdf, run, snapshot, laps)
    with spooling(scratch) as spool:
        fresh, editions = typeset_with_editions(prepared, project, pdf, run, spool)
        laps.lap("typeset PDFs, web fonts and Word")
        gathered = Gathered(Artifacts(spool))
        for ready, (web, word) in zip(prepared, editions, strict=True):
            _gather_built(gathered, ready, pdf, fresh, web, word)
        for brief in kept:
            _gather_kept(gathered, brief, out_dir)
        gathered.entries.sort(key=lambda entry: entry.brief_id)
        _add_series_files(
            gathered, project, pdf, run, snapshot, fresh, _built_at(prepared, kept, snapshot)
        )
        laps.lap("series pages and manifest")
        started = time.perf_counter()
        written = tuple(write_artifacts(out_dir, gathered.artifacts))
        laps.laps["write"] = time.perf_counter() - started
    produced = _produced(prepared, fresh, editions, gathered.artifacts, gathered.documents, laps)
    return Built(out_dir, written, produced)


def _prepare_briefs(
    project: Project,
    ids: tuple[str, ...],
    out_dir: Path,
    pdf: PdfSettings,
    run: RunOptions,
    snapshot: Snapshot,
    laps: Stopwatch,
) -> tuple[list[KeptBrief], list[Prepared]]:
    """Return the briefs kept as they are (not chosen, or unchanged) and those prepared
    for typesetting, each with the snapshot its own manifest records."""
    kept, prepared = [], []
    theme_assets = read_assets(project.layers)  # one copy for every brief: fonts are MBs
    for brief_id in project.series():
        past = None if run.force else Previous.read(out_dir / brief_id)
        if brief_id not in ids or _unchanged(past, snapshot, brief_id, pdf):
            if past is not None and past.manifest.summary:
                kept.append(KeptBrief(brief_id, past.manifest))
            continue
        sub = replace(project, brief=brief_id)
        ready = prepare(
            sub, pdf, run.only, snapshot, past, laps=laps, prefix=f"{brief_id}/",
            theme_assets=theme_assets,
        )  # fmt: skip
        prepared.append(replace(ready, snapshot=_brief_snapshot(ready, snapshot)))
    return kept, prepared


def _gather_built(
    gathered: Gathered,
    ready: Prepared,
    pdf: PdfSettings,
    fresh: dict[str, Typeset],
    web: dict[str, Payload],
    word: WordEdition,
) -> None:
    """Add a rebuilt brief's files (under its folder), records and index entry."""
    summary = brief_summary(ready.rendered.checked.brief)
    own_documents, own = finish(ready, pdf, fresh, web, word, summary)
    brief_id = ready.prefix.rstrip("/")
    for name in own:
        gathered.artifacts.add(f"{brief_id}/{name}", own.payload(name), f"brief {brief_id}")
    gathered.documents |= {f"{brief_id}/{stem}": r for stem, r in own_documents.items()}
    gathered.entries.append(SeriesEntry(brief_id, summary))


def _gather_kept(gathered: Gathered, brief: KeptBrief, out_dir: Path) -> None:
    """Add a kept brief's records (its files stay where they are) and index entry."""
    prefix = f"{brief.brief_id}/"
    gathered.records |= {f"{prefix}{name}": r for name, r in brief.manifest.artifacts.items()}
    manifest = (out_dir / brief.brief_id / MANIFEST).read_bytes()
    gathered.records[f"{prefix}{MANIFEST}"] = ArtifactRecord.of(manifest)
    gathered.documents |= {f"{prefix}{s}": r for s, r in brief.manifest.documents.items()}
    gathered.entries.append(SeriesEntry(brief.brief_id, brief.manifest.summary))


def _add_series_files(
    gathered: Gathered,
    project: Project,
    pdf: PdfSettings,
    run: RunOptions,
    snapshot: Snapshot,
    fresh: dict[str, Typeset],
    built_at: datetime,
) -> None:
    """Add the series pages, the series manifest and, for a shard, its record."""
    gathered.artifacts.update(series_pages(project, gathered.entries, built_at), "series pages")
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
        summary={"briefs": [entry.brief_id for entry in gathered.entries]},
    )
    gathered.artifacts.add(MANIFEST, manifest.to_json(), "the series manifest")
    if run.shard is not None:
        from briefwright.pipeline.shards import SHARD_FILE, shard_record

        shard_json = shard_record(run.shard, snapshot, pdf, fresh)
        gathered.artifacts.add(SHARD_FILE, shard_json, "the shard record")


def series_pages(
    project: Project,
    entries: list[SeriesEntry],
    built: Any,
    folders: dict[str, str] | None = None,
) -> dict[str, bytes]:
    """Return the series pages: index.html with its assets (its fonts cut to its text), and
    feed.xml when the series has a base_url; `folders` are the briefs' folders by id."""
    series, brand = load_series(project.content)
    t = load_labels(project.layers, series.language, brand.labels, brand.where("labels"))
    html = render_index(series, brand, entries, project.layers, t, built, EDITIONS, folders)
    assets = read_assets(project.layers) | brand_assets(brand, project.content)
    assets[LABELS_CSS] = t.stylesheet().encode("utf-8")
    fonts_css = web_fonts_stylesheet(brand)
    pages = {INDEX: html.encode("utf-8")}
    pages |= web_assets([html], assets, fonts_css, FONTS_CSS, FALLBACK_FAMILIES)
    if series.base_url:
        pages[FEED] = atom_feed(series, entries, t, built, folders)
    return pages


def _unchanged(past: Previous | None, snapshot: Snapshot, brief_id: str, pdf: PdfSettings) -> bool:
    """Return True when a brief's own inputs are those of its last build, files intact."""
    if past is None:
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


def brief_summary(brief: Brief) -> dict[str, Any]:
    """Return what the index and the feed say of a brief."""
    meta = brief.metadata
    return {
        "title": meta.title,
        "subtitle": meta.subtitle,
        "as_of": meta.as_of.isoformat(),
        "version": meta.version,
        "marking": meta.marking,
        "language": meta.language,
        "product_id": meta.product_id,
        "bottom_line": brief.front.bottom_line.text,
        "onepagers": [[topic.id, topic.title] for topic in brief.topics],
    }


def _built_at(prepared: list[Prepared], kept: list[KeptBrief], snapshot: Snapshot) -> Any:
    """Return the series' build time: the latest of its briefs'."""
    from datetime import UTC, datetime

    times = [ready.rendered.built_at for ready in prepared]
    times += [datetime.fromisoformat(brief.manifest.built) for brief in kept]
    if snapshot.epoch is not None:
        return datetime.fromtimestamp(snapshot.epoch, tz=UTC)
    return max(times) if times else datetime.fromtimestamp(0, tz=UTC)


def _produced(
    prepared: list[Prepared],
    fresh: dict[str, Any],
    editions: list[Any],
    artifacts: Artifacts,
    documents: dict[str, DocumentRecord],
    laps: Stopwatch,
) -> Produced:
    """Return what the series build made, as the build command reports it."""
    warnings: tuple[Diagnostic, ...] = tuple(
        w for ready in prepared for w in ready.rendered.checked.warnings
    )
    reused = tuple(f"{r.prefix}{stem}" for r in prepared for stem in r.plan.kept)
    return Produced(
        checked=prepared[0].rendered.checked if prepared else None,
        built_at=prepared[0].rendered.built_at if prepared else None,
        artifacts=artifacts,
        documents=documents,
        typeset=tuple(fresh),
        reused=reused,
        docx_reused=tuple(stem for _, word in editions for stem in word.kept),
        seconds={stem: result.seconds for stem, result in fresh.items()},
        timings=laps.laps,
        warnings=warnings,
    )
