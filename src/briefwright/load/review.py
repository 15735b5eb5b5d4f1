"""Turn review.yaml, beside content/ (review-<id>.yaml for a brief of a series), into a
validated ReviewFile that remembers where each item was written (or None when the project
has no review file)."""

from __future__ import annotations

from pathlib import Path

from briefwright.load.content import read_text
from briefwright.load.validation import validate
from briefwright.load.yamlfile import parse_yaml
from briefwright.model.review import ReviewFile

#: The review file's name; it lives beside the content folder.
REVIEW_FILE = "review.yaml"


def review_path(content_dir: Path, brief: str | None = None) -> Path:
    """Return where a project's review file lives: beside its content folder; in a series,
    each brief's there too, named for it (review-<id>.yaml)."""
    name = f"review-{brief}.yaml" if brief else REVIEW_FILE
    return content_dir.parent / name


def load_review(path: Path) -> ReviewFile | None:
    """Return the review file at `path`, None when there is none; BW001–BW003 at the
    place of a problem."""
    if not path.is_file():
        return None
    text = read_text(path, path.parent)
    return validate(parse_yaml(text, str(path)), ReviewFile, str(path))
