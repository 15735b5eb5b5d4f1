"""Turn a checked Brief into HTML (the brief, each one-pager) through the Jinja2 templates.

One environment is built here and only here: autoescape on, undefined names are errors.
Every document's template gets the same context (docs/theme.md lists it): the brief, its
labels `t` in the brief's language, its brand, and the sections the brief has.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jinja2
from jinja2.loaders import split_template_path

from briefwright.compare.record import COVER
from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.evidence.coverage import independent_origins
from briefwright.files import read_regular
from briefwright.model.brief import Brief, Topic
from briefwright.model.source import Source
from briefwright.model.vocab import AnnexPlace
from briefwright.render.brand import ASSETS, favicon_uri, logo_url
from briefwright.render.changes import History
from briefwright.render.citation import identity, report_jsonld, suggested_citation
from briefwright.render.editions import (
    edition_links,
    original_names,
    page_address,
    quoted_language,
    translated_terms,
)
from briefwright.render.figures import draw_figures
from briefwright.render.labels import Labels, english, load_labels
from briefwright.render.notes import Note, NoteIndex, anchor
from briefwright.render.typography import NO_BREAK_SPACE, typographic

BRIEF_TEMPLATE = "brief.html.j2"
ONEPAGER_TEMPLATE = "onepager.html.j2"


#: The parts of a brief, in reading order: what a reader decides on (key judgments,
#: recommendations), the discussion (background, topics, implications, gaps), the source
#: notes, and the annex (timeline, actors, glossary, sources, methods).
DECISION, DISCUSSION, NOTES, ANNEX = "decision", "discussion", "notes", "annex"


@dataclass(frozen=True)
class Section:
    """A section of the brief as the contents list and the partial that draws it see it."""

    id: str
    heading: str
    partial: str
    topic: Topic | None = None
    number: int = 0
    part: str = DISCUSSION
    """Which part of the brief it is in: DECISION, DISCUSSION, NOTES or ANNEX."""


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
def make_environment(layers: tuple[Path, ...]) -> jinja2.Environment:
    """Return the single Jinja2 environment: strict, escaping, and loading templates from
    the layers in order (the project's own templates/, then the theme), nothing else.

    Cached per layers; Jinja recompiles a template whose file changed (auto_reload).
    """
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([ConfinedLoader(layer) for layer in layers]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["long_date"] = long_date
    env.filters["lower_first"] = lower_first
    env.filters["typographic"] = typographic
    env.globals["anchor"] = anchor
    return env


@jinja2.pass_context
def long_date(context: jinja2.runtime.Context, value: date | datetime | str) -> str:
    """Format a full or partial ISO date as the brief's language writes it (`8 September
    2022`, `2022年9月8日`), on one line; English for a template rendered without labels."""
    labels = context.get("t")
    written = (labels if isinstance(labels, Labels) else english()).date(value)
    return written.replace(" ", NO_BREAK_SPACE)  # a date is not broken across lines


def lower_first(text: str) -> str:
    """Lower-case a label's first letter, for use inside a sentence (`News report` → `news
    report`); a language without case is unchanged."""
    return text[:1].lower() + text[1:]


#: The reader script's words (templates/assets/reader.js, LABELS) and their label keys.
READER_LABELS = {
    "note": "reader_note",
    "restsOnOne": "reader_rests_on_one",
    "restsOnMany": "reader_rests_on_many",
    "readSource": "reader_read_source",
    "readSourceNamed": "reader_read_source_named",
    "inList": "reader_in_list",
    "contents": "contents_heading",
    "sections": "reader_sections",
}


def reader_labels(t: Labels) -> dict[str, str]:
    """Return the words the reader script shows, in the brief's language."""
    return {name: t(key) for name, key in READER_LABELS.items()}


def brief_sections(brief: Brief, t: Labels, history: History | None = None) -> list[Section]:
    """Return the brief's sections in reading order, leaving out those with nothing in them:
    the decision material first, then the discussion, the notes and the annex (the changes
    since the previous version last, when there is one: `history`)."""
    front = brief.front
    judgments = t("key_judgments_heading")
    sections = [Section("key-judgments", judgments, "key_judgments", part=DECISION)]
    if front.recommendations:
        heading = t("recommendations_heading")
        sections.append(Section("recommendations", heading, "recommendations", part=DECISION))
    if front.background:
        sections.append(Section("background", t("background_heading"), "background"))
    for number, topic in enumerate(brief.topics, 1):
        heading = t("topic_heading", number=number, title=topic.title)
        sections.append(Section(f"topic-{topic.id}", heading, "topic", topic, number))
    discussion = [
        ("implications", "implications_heading", front.implications),
        ("gaps", _gaps_heading(brief), front.information_gaps or front.alternative_views),
    ]
    sections += [Section(id_, t(key), id_) for id_, key, items in discussion if items]
    sections.append(Section("notes", t("source_notes_heading"), "notes", part=NOTES))
    annex = [
        ("timeline", "timeline_heading", brief.timeline),
        ("actors", "key_actors_heading", brief.actors),
        ("glossary", "glossary_heading", brief.glossary),
    ]
    sections += [Section(id_, t(key), id_, part=ANNEX) for id_, key, items in annex if items]
    sections.append(Section("sources", t("sources_heading"), "sources", part=ANNEX))
    sections.append(Section("methods", t("methods_heading"), "methods", part=ANNEX))
    if history is not None:
        heading = t("changes_full_heading", version=history.previous)
        sections.append(Section("changes", heading, "changes", part=ANNEX))
    return sections


def section_headings(brief: Brief, t: Labels) -> dict[str, str]:
    """Return the brief's section headings by id, in reading order: the cover (where the
    bottom line is) first, then every section the brief prints."""
    return {COVER: t("bluf_heading")} | {s.id: s.heading for s in brief_sections(brief, t)}


def annex_ids(brief: Brief) -> frozenset[str]:
    """Return the ids of the statements the annex holds (timeline, actors, glossary): the
    notes' links back to them lead out of a PDF that leaves the annex to the HTML edition."""
    ids = [item.id for item in brief.timeline] + [item.id for item in brief.actors]
    return frozenset(ids + [item.id for item in brief.glossary])


def _gaps_heading(brief: Brief) -> str:
    """Return the label key of the gaps section's heading: it names what the section holds."""
    gaps, views = brief.front.information_gaps, brief.front.alternative_views
    if gaps and views:
        return "gaps_and_alternatives_heading"
    return "gaps_heading" if gaps else "alternatives_heading"


def document_labels(brief: Brief, layers: tuple[Path, ...]) -> Labels:
    """Return the labels of the brief's language, with the brand's overrides."""
    brand = brief.brand
    return load_labels(layers, brief.metadata.language, brand.labels, brand.where("labels"),
                       brand.label_places)  # fmt: skip


def render_brief(
    brief: Brief,
    layers: tuple[Path, ...],
    built: datetime,
    t: Labels | None = None,
    history: History | None = None,
    preload: Sequence[str] = (),
) -> str:
    """Render the brief's HTML (with what changed since the previous version, when `history`
    says), preloading the web fonts `preload` names; a template error names the template
    file and line."""
    t = t or document_labels(brief, layers)
    notes = NoteIndex(brief, t)
    who = identity(brief, built)
    return render_page(
        layers,
        BRIEF_TEMPLATE,
        brief,
        built,
        t,
        "brief.html",
        notes=notes,
        figures=draw_figures(brief, t, layers, notes),
        sections=brief_sections(brief, t, history),
        history=history,
        identity=who,
        citation=suggested_citation(who, t),
        jsonld=report_jsonld(who),
        any_corroborated=any(independent_origins(brief, item) > 1 for item in brief.cited()),
        annex_in_pdf=brief.metadata.annex is AnnexPlace.PDF,
        annex_ids=annex_ids(brief),
        assets=ASSETS,
        preload_fonts=list(preload),
        reader_labels=reader_labels(t),
        link_notes=True,
    )


def render_onepager(
    brief: Brief,
    topic: Topic,
    layers: tuple[Path, ...],
    built: datetime,
    t: Labels | None = None,
    preload: Sequence[str] = (),
) -> str:
    """Render one topic's one-pager from the same content, and note numbers, as the brief
    (preloading the web fonts `preload` names)."""
    t = t or document_labels(brief, layers)
    notes = NoteIndex(brief, t)
    by_id = {item.id: item for item in brief.front.recommendations}
    recommendations = [by_id[i] for i in topic.onepager.recommendations if i in by_id]
    shown = [note for point in topic.onepager_points() for note in notes.of(point)]
    shown += notes.behind(topic.bottom_line.basis)
    shown += [note for item in recommendations for note in notes.behind(item.basis)]
    return render_page(
        layers,
        ONEPAGER_TEMPLATE,
        brief,
        built,
        t,
        f"onepagers/{topic.id}.html",
        notes=notes,
        figures={},
        assets=f"../{ASSETS}",
        preload_fonts=list(preload),
        reader_labels={},  # a one-pager's note numbers are plain: no cards
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


def render_page(
    layers: tuple[Path, ...],
    name: str,
    brief: Brief,
    built: datetime,
    t: Labels,
    page: str,
    **context: Any,
) -> str:
    """Render one page's template (`page`: its path in the edition's folder) with the common
    context (docs/theme.md) and `context`; a template error names the template file and
    line."""
    env = make_environment(layers)
    brand = brief.brand
    with render_errors(layers, name):
        return env.get_template(name).render(
            brief=brief,
            meta=brief.metadata,
            built=built,
            t=t,
            brand=brand,
            organisation=brand.meta.name.full if brand.meta else brief.metadata.organisation,
            series=brand.series or brief.metadata.series or "",
            logo=logo_url(brand),
            favicon=favicon_uri(brand.color),
            origins=lambda item: independent_origins(brief, item),
            edition_links=edition_links(brief, page),
            canonical=page_address(brief, page),
            quoted_language=quoted_language(brief),
            original_names=original_names(brief),
            translated_terms=translated_terms(brief),
            **context,
        )


@contextmanager
def render_errors(layers: tuple[Path, ...], name: str) -> Iterator[None]:
    """Turn a template's error into a BriefError naming the template file and line."""
    try:
        yield
    except jinja2.TemplateSyntaxError as error:
        where = Location(error.filename or str(layers[0] / name), error.lineno)
        message = f"template syntax: {error.message}"
        raise BriefError([Diagnostic("BW201", message, where)]) from None
    except jinja2.TemplateNotFound as error:
        raise BriefError([_missing_template(error, layers, name)]) from None
    except jinja2.UndefinedError as error:
        raise BriefError([_template_problem(error, layers, name)]) from None


def _missing_template(
    error: jinja2.TemplateNotFound, layers: tuple[Path, ...], name: str
) -> Diagnostic:
    """Say which template is missing, where it was looked for, and what to do."""
    searched = " and ".join(str(layer) for layer in layers)
    message = (
        f"template '{error.name}' not found in {searched}; add it to your templates/ folder "
        "(copy it from the theme, docs/theme.md lists the partials) or fix the name that "
        "includes it; if the theme itself lacks it, reinstall briefwright"
    )
    return Diagnostic("BW202", message, _template_line(error, layers, name))


def _template_problem(error: Exception, layers: tuple[Path, ...], name: str) -> Diagnostic:
    """Point at the template line that failed, found in the traceback Jinja rewrites."""
    return Diagnostic("BW202", f"template error: {error}", _template_line(error, layers, name))


def _template_line(error: Exception, layers: tuple[Path, ...], name: str) -> Location:
    """Return the deepest template line in the error's traceback (Jinja rewrites it)."""
    location = Location(str(layers[0] / name))
    roots = [str(layer) for layer in layers] + [str(layer.resolve()) for layer in layers]
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.startswith(tuple(roots)):
            location = Location(filename, tb.tb_lineno)
        tb = tb.tb_next
    return location
