"""Start a project: a folder a new analyst can fill in, or the example brief to learn from.

`init` writes every content file with every field present and explained, placeholders
marked REPLACE (check lists each with its line; `check --strict` and `release` refuse them),
the editor schemas the files' `$schema` lines point at, a README, a .gitignore and a CI
workflow. `init --example` writes the India–Japan brief that ships with the package instead
of the placeholders. Nothing is written into a folder that is not empty.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from briefwright.authoring.scaffold import new_topic
from briefwright.authoring.schema import content_schemas
from briefwright.errors import BriefError, Location

STARTER = files("briefwright.authoring") / "starter"
#: Starter files under another name in the project.
RENAMED = {"gitignore": ".gitignore", "workflow.yml": ".github/workflows/brief.yml"}
SCHEMAS = "docs/schemas"
#: What of the example content a project gets: the content files and the brand's logo, not
#: Python's.
EXAMPLE_FILES = (".yaml", ".txt", ".svg")


@dataclass(frozen=True)
class Starter:
    """What `init` fills in: today (the brief's first `as_of`), the brief's title, its
    organisation and its language."""

    today: date
    title: str = "REPLACE with the brief's title"
    organisation: str = "REPLACE with your organisation"
    language: str = "en"


def init_project(target: Path, starter: Starter, example: bool = False) -> list[Path]:
    """Write a new project into `target` (created if missing; refused unless empty) and
    return the files written, in order."""
    _refuse_non_empty(target)
    written = [_write(target / name, data) for name, data in _common_files(starter)]
    if example:
        written += _copy_example(target / "content")
    else:
        written += _starter_content(target, starter)
    return written


def _refuse_non_empty(target: Path) -> None:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        message = (
            f"{target} is not an empty folder; give a new folder's name "
            "(init never writes over files)"
        )
        raise BriefError.of("BW010", message, Location(str(target)))


def _common_files(starter: Starter) -> list[tuple[str, bytes]]:
    """Return the files every project gets: README, .gitignore, CI workflow, schemas."""
    found = [("README.md", _filled("README.md", starter))]
    found += [(name, (STARTER / source).read_bytes()) for source, name in RENAMED.items()]
    found += [(f"{SCHEMAS}/{name}", data) for name, data in content_schemas().items()]
    return found


def _starter_content(target: Path, starter: Starter) -> list[Path]:
    """Write the placeholder content: every file, and one topic."""
    written = []
    for name in ("brief.yaml", "timeline.yaml", "actors.yaml", "glossary.yaml", "brand.yaml"):
        path = f"content/{name}"
        written.append(_write(target / path, _filled(path, starter)))
    readme = (STARTER / "content/sources/README.md").read_bytes()
    written.append(_write(target / "content/sources/README.md", readme))
    written.append(new_topic(target / "content/topics", "first-topic", "REPLACE with a title"))
    return written


def _filled(name: str, starter: Starter) -> bytes:
    """Return a starter file with the project's values in place of its $placeholders."""
    template = string.Template((STARTER / name).read_text(encoding="utf-8"))
    values = {
        # JSON strings are YAML double-quoted scalars: any title is safe in the YAML.
        "title": json.dumps(starter.title, ensure_ascii=False),
        "organisation": json.dumps(starter.organisation, ensure_ascii=False),
        "language": starter.language,
        "as_of": starter.today.isoformat(),
        "year": str(starter.today.year),
    }
    if name.endswith(".md"):
        values |= {"title": starter.title, "organisation": starter.organisation}
    return template.substitute(values).encode("utf-8")


def _copy_example(content: Path) -> list[Path]:
    """Copy the example brief's content files, as the package installed them."""
    return [
        _write(content / relative, entry.read_bytes())
        for relative, entry in _example_files(files("briefwright.example"))
    ]


def _example_files(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    """Return the example's content files (YAML and text) by path relative to it, sorted."""
    found = []
    for entry in folder.iterdir():
        name = f"{prefix}{entry.name}"
        if entry.is_dir() and not entry.name.startswith(("_", ".")):
            found += _example_files(entry, f"{name}/")
        elif entry.is_file() and entry.name.endswith(EXAMPLE_FILES):
            found.append((name, entry))
    return sorted(found, key=lambda pair: pair[0])


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
