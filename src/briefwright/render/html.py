"""Turn a checked Brief into HTML (the brief, each one-pager) through the Jinja2 templates.

One environment is built here and only here: autoescape on, undefined names are errors.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jinja2
from jinja2.loaders import split_template_path

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.evidence.coverage import independent_origins
from briefwright.files import read_regular
from briefwright.model.brief import Brief, Topic
from briefwright.model.source import Source
from briefwright.render.notes import Note, NoteIndex, anchor

BRIEF_TEMPLATE = "brief.html.j2"
ONEPAGER_TEMPLATE = "onepager.html.j2"
_OPEN_DOUBLE = re.compile(r'(^|[\s(\[\u2013\u2014/-])"')
_OPEN_SINGLE = re.compile(r"(^|[\s(\[\u201c\u2013\u2014/-])'")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


class ConfinedLoader(jinja2.BaseLoader):
    """Load templates from one folder: regular files whose real path lies inside it, so a
    symlink in templates/ that leads elsewhere is refused (BW012), never included."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = self.root.joinpath(*split_template_path(template))
        if not path.exists() and not path.is_symlink():
            raise jinja2.TemplateNotFound(template)
        text = read_regular(path, self.root).decode("utf-8")
        mtime = path.stat().st_mtime
        return text, str(path), lambda: path.exists() and path.stat().st_mtime == mtime


@functools.lru_cache(maxsize=8)
def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Return the single Jinja2 environment: strict, escaping, and loading only templates/.

    Cached per folder; Jinja recompiles a template whose file changed (auto_reload).
    """
    env = jinja2.Environment(
        loader=ConfinedLoader(templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["long_date"] = long_date
    env.filters["typographic"] = typographic
    env.globals["anchor"] = anchor
    return env


def typographic(text: str) -> str:
    """Set the brief's own prose with curly quotes, apostrophes and ellipses."""
    text = _OPEN_DOUBLE.sub("\\1\u201c", text).replace('"', "\u201d")
    text = _OPEN_SINGLE.sub("\\1\u2018", text).replace("'", "\u2019")
    return text.replace("...", "\u2026")


def long_date(value: date | datetime | str) -> str:
    """Format a full or partial ISO date as a reader writes it: `8 September 2022`."""
    text = value.isoformat()[:10] if isinstance(value, date | datetime) else value
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = _MONTHS[parts[1] - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def render_brief(brief: Brief, templates_dir: Path, built: datetime) -> str:
    """Render the brief's HTML; a template error names the template file and line."""
    return _render(templates_dir, BRIEF_TEMPLATE, brief, built, link_notes=True)


def render_onepager(brief: Brief, topic: Topic, templates_dir: Path, built: datetime) -> str:
    """Render one topic's one-pager from the same content, and note numbers, as the brief."""
    notes = NoteIndex(brief)
    by_id = {item.id: item for item in brief.front.recommendations}
    recommendations = [by_id[i] for i in topic.onepager.recommendations if i in by_id]
    shown = [note for point in topic.onepager_points() for note in notes.of(point)]
    shown += notes.behind(topic.bottom_line.basis)
    shown += [note for item in recommendations for note in notes.behind(item.basis)]
    return _render(
        templates_dir,
        ONEPAGER_TEMPLATE,
        brief,
        built,
        notes=notes,
        topic=topic,
        number=brief.topics.index(topic) + 1,
        recommendations=recommendations,
        cited_sources=_by_source(shown),
        link_notes=False,  # the notes are in the full brief, not on this page
    )


def _by_source(shown: list[Note]) -> list[tuple[Source, list[int]]]:
    """Group note numbers by source, sources in order of their first note."""
    groups: dict[str, tuple[Source, set[int]]] = {}
    for note in sorted(shown, key=lambda note: note.number):
        groups.setdefault(note.source.id, (note.source, set()))[1].add(note.number)
    return [(source, sorted(numbers)) for source, numbers in groups.values()]


def _render(templates_dir: Path, name: str, brief: Brief, built: datetime, **context: Any) -> str:
    env = make_environment(templates_dir)
    context.setdefault("notes", NoteIndex(brief))
    try:
        return env.get_template(name).render(
            brief=brief,
            meta=brief.metadata,
            built=built,
            origins=lambda item: independent_origins(brief, item),
            **context,
        )
    except jinja2.TemplateSyntaxError as error:
        where = Location(str(templates_dir / (error.name or name)), error.lineno)
        message = f"template syntax: {error.message}"
        raise BriefError([Diagnostic("BW201", message, where)]) from None
    except (jinja2.UndefinedError, jinja2.TemplateNotFound) as error:
        raise BriefError([_template_problem(error, templates_dir, name)]) from None


def _template_problem(error: Exception, templates_dir: Path, name: str) -> Diagnostic:
    """Point at the template line that failed, found in the traceback Jinja rewrites."""
    location = Location(str(templates_dir / name))
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.startswith(str(templates_dir.resolve())) or filename.startswith(
            str(templates_dir)
        ):
            location = Location(filename, tb.tb_lineno)
        tb = tb.tb_next
    return Diagnostic("BW202", f"template error: {error}", location)
