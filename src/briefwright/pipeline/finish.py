"""Turn a typeset brief into its artifacts and manifest: each document's HTML, PDF and .docx
with its record, the carried-over documents, the HTML edition's assets, the source pages,
each translated edition (finished the same way, in its folder, with its own manifest), and
the manifest that describes them all.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from briefwright.compare.record import CONTENT_JSON
from briefwright.load.originals import read_published_originals
from briefwright.output.manifest import (
    MANIFEST,
    ArtifactRecord,
    DocumentRecord,
    Manifest,
    sha256,
)
from briefwright.output.spool import digest
from briefwright.output.write import Artifacts
from briefwright.pipeline.incremental import (
    Kept,
    Plan,
    Snapshot,
)
from briefwright.pipeline.prepare import Prepared, Rendered
from briefwright.render.annotations import ANNOTATIONS, render_annotations
from briefwright.render.citation import CITATION_CFF, CSL_JSON, citation_cff, csl_json, identity
from briefwright.settings import PdfSettings
from briefwright.typeset.worker import Typeset

if TYPE_CHECKING:  # made in their own thread, which imports them (build._make_editions)
    from briefwright.pipeline.editions import Editions, WordEdition


def finish(
    prepared: Prepared,
    pdf: PdfSettings,
    fresh: dict[str, Typeset],
    editions: Editions,
    summary: dict[str, Any] | None = None,
) -> tuple[dict[str, DocumentRecord], Artifacts]:
    """Return one brief's manifest records and artifacts (paths inside its folder), its
    translated editions' under their folders, with its manifest (and, in a series, the
    summary the index lists)."""
    prefix, rendered = prepared.prefix, prepared.rendered
    own = {stem.removeprefix(prefix): result for stem, result in fresh.items()
           if stem.startswith(prefix)}  # fmt: skip
    documents, artifacts = record_documents(rendered.pages, prepared.plan, own, editions.word)
    keep_carried(prepared.carried, documents, artifacts)
    artifacts.update(editions.web, "the HTML edition's assets")
    pages = {path: html.encode("utf-8") for path, html in rendered.source_pages.items()}
    artifacts.update(pages, "the source pages")
    brief = rendered.checked.brief
    artifacts.add(ANNOTATIONS, render_annotations(brief, rendered.built_at), "the annotations")
    artifacts.update(identity_files(rendered), "the record and the citation files")
    originals = read_published_originals(brief, prepared.project.content)
    artifacts.update(originals, "the archived copies")
    for translation in prepared.translations:
        folder = translation.prefix.removeprefix(prefix)
        made = editions.translations[translation.language]
        inner, files = finish(translation, pdf, fresh, made)
        documents |= {f"{folder}{stem}": record for stem, record in inner.items()}
        for name in files:
            artifacts.add(f"{folder}{name}", files.payload(name), f"the {folder} edition")
    manifest = make_manifest(
        rendered, pdf, prepared.snapshot, documents, artifacts, prepared.versions
    )
    if summary:
        manifest = replace(manifest, summary=summary)
    artifacts.add(MANIFEST, manifest.to_json(), "the manifest")
    return documents, artifacts


def identity_files(rendered: Rendered) -> dict[str, bytes]:
    """Return the brief as data (content.json) and how to cite it: CITATION.cff and the
    CSL-JSON (citation.json)."""
    who = identity(rendered.checked.brief, rendered.built_at)
    return {
        CONTENT_JSON: rendered.record.to_json(),
        CITATION_CFF: citation_cff(who),
        CSL_JSON: csl_json(who),
    }


def record_documents(
    pages: dict[str, str], plan: Plan, fresh: dict[str, Typeset], word: WordEdition
) -> tuple[dict[str, DocumentRecord], Artifacts]:
    """Return each document's manifest record, and its HTML, PDF and .docx as artifacts."""
    documents: dict[str, DocumentRecord] = {}
    artifacts = Artifacts()
    for stem, html in pages.items():
        kept = plan.kept.get(stem)
        made = fresh.get(stem)
        if kept is not None:
            pdf, pages_count, remark = kept.pdf, kept.record.pages, kept.record.remark
        elif made is not None:
            pdf, pages_count, remark = made.pdf, made.pages, made.remark
        else:  # another shard's document: its PDF and what it says come from that shard
            pdf, pages_count, remark = None, 0, None
        data, docx = html.encode("utf-8"), word.files[stem]
        documents[stem] = DocumentRecord(
            pages_count, remark, sha256(data), sha256(pdf) if pdf is not None else "",
            plan.keys[stem], digest(docx), word.keys[stem],
        )  # fmt: skip
        artifacts.add(f"{stem}.html", data, f"document {stem}")
        if pdf is not None:
            artifacts.add(f"{stem}.pdf", pdf, f"document {stem}")
        artifacts.add(f"{stem}.docx", docx, f"document {stem}")
    return documents, artifacts


def keep_carried(
    carried: dict[str, Kept], documents: dict[str, DocumentRecord], artifacts: Artifacts
) -> None:
    """Put the carried documents in the manifest and the output."""
    for stem, kept in carried.items():
        assert kept.html is not None, "carry_over keeps only documents with their HTML"
        documents[stem] = kept.record
        artifacts.add(f"{stem}.html", kept.html, f"document {stem}")
        artifacts.add(f"{stem}.pdf", kept.pdf, f"document {stem}")
        if kept.docx is not None:
            artifacts.add(f"{stem}.docx", kept.docx, f"document {stem}")


def make_manifest(
    rendered: Rendered,
    pdf: PdfSettings,
    snapshot: Snapshot,
    documents: dict[str, DocumentRecord],
    artifacts: Artifacts,
    versions: dict[str, object],
) -> Manifest:
    """Describe the build: what went in (inputs, sources, settings), what came out."""
    brief = rendered.checked.brief
    return Manifest(
        product_id=brief.metadata.product_id,
        version=brief.metadata.version,
        built=rendered.built_at.isoformat(),
        source_date_epoch=int(rendered.built_at.timestamp()),
        options=pdf.recorded(),
        inputs=snapshot.inputs,
        sources={
            source.id: {"sha256": source.fingerprint, "published": source.published.isoformat()}
            for source in brief.sources
        },
        documents=documents,
        artifacts=artifact_records(artifacts),
        versions=versions,
    )


def artifact_records(artifacts: Artifacts) -> dict[str, ArtifactRecord]:
    """Return each artifact's record (digest and size), without reading back spooled ones."""
    return {n: ArtifactRecord(artifacts.sha256(n), artifacts.size(n)) for n in artifacts}
