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

from briefwright.authoring.scaffold import topic_text
from briefwright.authoring.schema import content_schemas
from briefwright.authoring.writing import new_files
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
    return the files written, in order: all of them, or none (authoring/writing.py)."""
    _refuse_non_empty(target)
    made = _common_files(starter)
    made += _example_content() if example else _starter_content(starter)
    with new_files() as files:
        return [files.write(target / name, data) for name, data in made]


def _refuse_non_empty(target: Path) -> None:
    if target.is_symlink() and not target.exists():
        message = f"{target} is a symlink to nothing; remove it, or give a new folder's name"
        raise BriefError.of("BW010", message, Location(str(target)))
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


def _starter_content(starter: Starter) -> list[tuple[str, bytes]]:
    """Return the placeholder content: every file, and one topic."""
    made = []
    for name in ("brief.yaml", "timeline.yaml", "actors.yaml", "glossary.yaml", "brand.yaml"):
        path = f"content/{name}"
        made.append((path, _filled(path, starter)))
    made.append(
        ("content/sources/README.md", (STARTER / "content/sources/README.md").read_bytes())
    )
    topic = topic_text("first-topic", "REPLACE with a title", order=1)
    return [*made, ("content/topics/first-topic.yaml", topic.encode("utf-8"))]


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


def _example_content() -> list[tuple[str, bytes]]:
    """Return the example brief's content files, as the package installed them."""
    return [
        (f"content/{relative}", entry.read_bytes())
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
