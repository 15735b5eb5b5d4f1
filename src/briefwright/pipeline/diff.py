"""Turn two versions of a brief into what `briefwright diff` reports: the changes from the
older to the newer (compare/), and, with `--docx`, the newer version's Word edition with
those changes as tracked changes (`w:ins`/`w:del` on the changed statements' runs, by
"briefwright", dated as the newer version) for a clearance reviewer."""

from __future__ import annotations

from pathlib import Path

from briefwright.compare.changes import Changes, compare
from briefwright.compare.record import ContentRecord
from briefwright.docx.model import Tracking
from briefwright.docx.writer import write_docx
from briefwright.errors import BriefError, Location
from briefwright.output.write import write_artifacts
from briefwright.pipeline.clock import build_time
from briefwright.pipeline.editions import word_edition_of
from briefwright.pipeline.prepare import made_assets
from briefwright.pipeline.versions import Version, changes_since_previous, opened_version
from briefwright.render.changes import history
from briefwright.render.html import document_labels
from briefwright.render.word.brief import brief_document
from briefwright.render.word.revisions import AUTHOR, revisions_of
from briefwright.settings import PdfSettings, Project


def diff_versions(
    project: Project, old: str, new: str, docx: Path | None = None, pdf: PdfSettings | None = None
) -> Changes:
    """Return the changes from version `old` to version `new` (each a content folder, a
    release zip or folder, or a git revision of the project); with `docx`, first write there
    the newer version's Word edition with them tracked (BW404 when `new` is a release)."""
    with opened_version(old, project) as older, opened_version(new, project) as newer:
        changes = compare(older.record, newer.record)
        if docx is not None:
            data = tracked_edition(newer, older.record, changes, pdf)
            write_artifacts(docx.parent, {docx.name: data})
    return changes


def tracked_edition(
    new: Version, old: ContentRecord, changes: Changes, pdf: PdfSettings | None = None
) -> bytes:
    """Return the newer version's Word edition, as a build makes it, with the changes from
    `old` tracked, authored "briefwright" and dated as the newer version's build."""
    if new.checked is None or new.project is None:
        message = "the Word edition is made from content: give NEW as a folder or a revision"
        raise BriefError.of("BW404", message, Location(new.name))
    project, brief = new.project, new.checked.brief
    t = document_labels(brief, project.layers)
    built = build_time(brief.metadata.as_of, new.epoch)
    since = changes_since_previous(project, brief, new.record)
    edition = word_edition_of(brief, t, made_assets(brief, t, project.content), project.layers,
                              pdf or PdfSettings())  # fmt: skip
    tracked = revisions_of(changes, old, Tracking(AUTHOR, built))
    past = history(since, t, new.record) if since is not None else None
    return write_docx(brief_document(brief, built, edition, t, past, tracked))
