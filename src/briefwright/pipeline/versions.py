"""Turn a version of a brief into its record: a content folder (loaded and checked), a
release (its zip, or a folder holding its content.json) or a git revision of the project
(its content archived by git into a temporary folder, always removed); and a brief's
`metadata.previous` into the changes since that version.

A release carries its record (content.json), so it is compared without git or content; a
folder or a revision is loaded and checked as a build would (errors stop it), then
recorded. Only a folder or a revision gives the checked brief itself, which the Word edition
with tracked changes needs.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tarfile
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from briefwright.compare.changes import Changes, compare
from briefwright.compare.record import CONTENT_JSON, ContentRecord, read_record, record_brief
from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.files import read_file, refuse_outside
from briefwright.model.brief import Brief
from briefwright.pipeline.checked import Checked, load_and_check
from briefwright.pipeline.clock import known_epoch, parse_epoch
from briefwright.pipeline.scratch import enter_scratch
from briefwright.render.html import document_labels, section_headings
from briefwright.render.labels import Labels
from briefwright.settings import BRIEF_FILE, BRIEFS, Project

#: Largest content.json read from a release, in bytes.
MAX_RECORD_BYTES = 50_000_000
#: Seconds git may take to resolve a revision or archive the content.
GIT_TIMEOUT = 60


@dataclass(frozen=True)
class Version:
    """A version of a brief as read: what it was named, its record, and, when it was read
    from content (a folder or a git revision; a release holds only its record), its checked
    brief, the project it is in (a revision's, while it is open) and when it was made."""

    name: str
    record: ContentRecord
    checked: Checked | None = None
    project: Project | None = None
    epoch: int | None = None
    """When the version was made, in seconds: SOURCE_DATE_EPOCH, else a revision's commit
    time or the last commit touching a folder's content; None when unknown."""


def record_of(brief: Brief, t: Labels) -> ContentRecord:
    """Return a checked brief's record, its sections headed in the brief's language."""
    return record_brief(brief, section_headings(brief, t))


@contextmanager
def opened_version(spec: str, project: Project) -> Iterator[Version]:
    """Yield the version `spec` names: a release zip, a folder (a release's or a build's,
    holding content.json; a content folder; a project folder holding content/), else a git
    revision of the project's repository (BW402 when it is none of these). A revision's
    content stays on disk until the block ends."""
    path = Path(spec)
    if path.is_file() and zipfile.is_zipfile(path):
        yield Version(spec, record_in_zip(path, Location(spec)))
    elif path.is_dir():
        yield _folder_version(spec, path, project)
    elif path.exists():
        raise _unknown(spec, "it is a file but not a release zip")
    else:
        with checked_out(spec, project) as (content, committed):
            version = _content_version(spec, replace(project, content=content), project)
            yield replace(version, epoch=_set_epoch() or committed)


def _folder_version(spec: str, path: Path, project: Project) -> Version:
    if (path / CONTENT_JSON).is_file():
        where = Location(str(path / CONTENT_JSON))
        return Version(spec, read_record(read_file(path / CONTENT_JSON, MAX_RECORD_BYTES), where))
    content = path / "content" if (path / "content").is_dir() else path
    if not ((content / BRIEF_FILE).is_file() or (content / BRIEFS).is_dir()):
        raise _unknown(spec, "the folder holds neither content.json nor a brief's content")
    at = replace(project, content=content)
    return replace(_content_version(spec, at, project), epoch=known_epoch(at.roots))


def _content_version(spec: str, at: Project, project: Project) -> Version:
    """Load and check the brief a content folder holds (in a series, `project.brief`)."""
    if at.is_series and project.brief is None:
        briefs = ", ".join(at.series())
        raise _unknown(spec, f"it holds a series: name the brief with --brief ({briefs})")
    brief_dir = at.brief_root if at.is_series else None
    checked = load_and_check(at.content, brief_dir=brief_dir)
    t = document_labels(checked.brief, project.layers)
    return Version(spec, record_of(checked.brief, t), checked, at)


def _set_epoch() -> int | None:
    """Return SOURCE_DATE_EPOCH when it is set."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return parse_epoch(value) if value else None


def record_in_zip(path: Path, where: Location) -> ContentRecord:
    """Return the record a release zip holds (`<release>/content.json`); BW403 when the
    file is no zip or holds none."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.count("/") == 1
                     and n.endswith(f"/{CONTENT_JSON}")]  # fmt: skip
            if len(names) != 1:
                raise _no_record(where, f"it holds no {CONTENT_JSON} (not a release?)")
            info = archive.getinfo(names[0])
            if info.file_size > MAX_RECORD_BYTES:
                raise _no_record(where, f"its {CONTENT_JSON} is {info.file_size:,} bytes")
            with archive.open(info) as member:
                data = member.read(MAX_RECORD_BYTES + 1)
    except (zipfile.BadZipFile, OSError) as error:
        raise _no_record(where, f"it cannot be read as a zip ({error})") from None
    return read_record(data, where)


def _no_record(where: Location, why: str) -> BriefError:
    message = f"no release record: {why}; give a zip made by `briefwright release`"
    return BriefError.of("BW403", message, where)


def _unknown(spec: str, why: str) -> BriefError:
    message = (
        f"'{spec}' is neither a content folder, a release (its zip, or a folder holding "
        f"{CONTENT_JSON}) nor a git revision of the project: {why}"
    )
    return BriefError.of("BW402", message, Location(spec))


@contextmanager
def checked_out(revision: str, project: Project) -> Iterator[tuple[Path, int]]:
    """Yield the project's content folder as it was at a git revision, and the revision's
    commit time: archived by git into a temporary folder of the process's scratch folder,
    removed on leaving (an error or an interrupt included). Diagnostics name
    `<revision>:<path>`, not the temporary folder."""
    top, prefix, sha = resolve_revision(revision, project.content)
    committed = int(_git(top, revision, "show", "-s", "--format=%ct", sha).decode().strip())
    folder = Path(tempfile.mkdtemp(prefix="version-", dir=enter_scratch()))
    try:
        archive = folder / "content.tar"
        _git(top, revision, "archive", "--format=tar", "-o", str(archive), sha, "--",
             prefix or ".")  # fmt: skip
        with tarfile.open(archive) as tar:
            tar.extractall(folder / "tree", filter="data")
        content = folder / "tree" / prefix
        if not content.is_dir():
            raise _unknown(revision, f"the revision has no {prefix or 'content'} folder")
        try:
            yield content, committed
        except BriefError as error:
            raise _renamed(error, folder / "tree", revision) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def resolve_revision(revision: str, content: Path) -> tuple[Path, str, str]:
    """Return the repository holding the content folder, the folder's path inside it, and
    the commit a revision names (BW402 when it names none)."""
    if revision.startswith("-"):  # never an option to git
        raise _unknown(revision, "a revision does not start with '-'")
    top, prefix = _repository(revision, content)
    commit = _git(top, revision, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    return top, prefix, commit.decode().strip()


def _repository(revision: str, content: Path) -> tuple[Path, str]:
    """Return the root of the git repository holding the content folder, and the folder's
    path inside it (`content`)."""
    if not content.is_dir():
        raise _unknown(revision, f"the project's content folder {content} is missing")
    top = _git(content, revision, "rev-parse", "--show-toplevel").decode().strip()
    prefix = _git(content, revision, "rev-parse", "--show-prefix").decode().strip()
    return Path(top), prefix.rstrip("/")


def _git(folder: Path, revision: str, *args: str) -> bytes:
    """Run git in a folder and return what it printed; BW402 naming the revision when git
    is missing, fails or takes too long."""
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True,
                              timeout=GIT_TIMEOUT, check=False)  # fmt: skip
    except FileNotFoundError:
        raise _unknown(revision, "git is not installed") from None
    except subprocess.TimeoutExpired:
        raise _unknown(revision, f"git took more than {GIT_TIMEOUT} s") from None
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        why = said[-1] if said else "git knows no revision of that name"
        raise _unknown(revision, f"no such file or folder, and {why}")
    return done.stdout


def _renamed(error: BriefError, tree: Path, revision: str) -> BriefError:
    """Return the error with each place in the temporary tree named `<revision>:<path>`."""
    root = str(tree) + "/"

    def rename(d: Diagnostic) -> Diagnostic:
        if not d.location.path.startswith(root):
            return d
        path = f"{revision}:{d.location.path.removeprefix(root)}"
        return Diagnostic(d.code, d.message, replace(d.location, path=path))

    return BriefError(rename(d) for d in error.diagnostics)


def changes_since_previous(
    project: Project, brief: Brief, record: ContentRecord
) -> Changes | None:
    """Return what changed from the release `metadata.previous` names (None without one) to
    the brief (its `record`): a release zip inside the project folder, or a git revision of
    the project. BW402 at `previous` when it cannot be read or checked."""
    spec = brief.metadata.previous
    if spec is None:
        return None
    where = brief.metadata.where("previous") or Location(str(project.brief_root / BRIEF_FILE))
    try:
        old = _previous_record(spec, project)
    except BriefError as error:
        lead = Diagnostic("BW402", f"previous version '{spec}' cannot be read or checked", where)
        raise BriefError([lead, *error.diagnostics]) from None
    return compare(old, record)


def changes_of_edition(
    project: Project, brief: Brief, record: ContentRecord, t: Labels
) -> Changes | None:
    """Return what changed since `metadata.previous` as an edition prints it: the brief's
    own changes; a translated edition's are its original's (the previous release is in the
    original's language, and compared word by word with it), their sections headed in the
    edition's language."""
    original = brief.translated_from
    if original is None:
        return changes_since_previous(project, brief, record)
    changes = changes_since_previous(
        project, original, record_of(original, document_labels(original, project.layers))
    )
    if changes is None:
        return None
    headings = section_headings(brief, t)
    retitled = tuple(
        change.model_copy(update={"section_title": headings[change.section]})
        if change.section in headings else change
        for change in changes.changes
    )  # fmt: skip
    return changes.model_copy(update={"changes": retitled})


def _previous_record(spec: str, project: Project) -> ContentRecord:
    """Return the record of the version a brief follows: a release zip, which must lie in
    the project folder (content is untrusted: it names no file elsewhere), or a revision."""
    if spec.endswith(".zip"):
        root = project.content.parent
        path = root / spec
        refuse_outside(path, root)
        if not path.is_file():
            raise BriefError.of("BW402", "no such release zip in the project", Location(spec))
        return record_in_zip(path, Location(str(path)))
    commit = resolve_revision(spec, project.content)[2]
    return _revision_record(spec, commit, project)


@functools.lru_cache(maxsize=4)
def _revision_record(spec: str, commit: str, project: Project) -> ContentRecord:
    """Return the record of the brief at a revision; kept by commit (a commit never
    changes), so a live preview that renders on every save reads it once."""
    with checked_out(spec, project) as (content, _):
        at = replace(project, content=content)
        checked = load_and_check(content, brief_dir=at.brief_root if at.brief else None)
        return record_of(checked.brief, document_labels(checked.brief, project.layers))
