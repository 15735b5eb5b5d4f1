"""Turn a brief's figures into drawn, numbered SVG: the timeline figure from timeline.yaml,
and each figure of content/figures/ drawn from its cited data, in the brand's colours.

Figures are numbered in the order a reader meets them (figures/numbering.py): those after
the background, then each topic's, then the timeline's. The captions and the words the
timeline prints come from the brief's labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from briefwright.figures.dates import Period, Precision
from briefwright.figures.legend import KEYS
from briefwright.figures.numbering import TIMELINE, number_figures, reading_order
from briefwright.figures.style import FigureStyle
from briefwright.figures.timeline import TimelineWords, draw_timeline
from briefwright.model.brand import Colors
from briefwright.model.brief import Brief
from briefwright.render.labels import Labels
from briefwright.render.notes import NoteIndex

#: A timeline figure needs events to set apart: with fewer, the table says it all.
MIN_TIMELINE_EVENTS = 3
#: The screen drawing's width, text size and row height: at base.css's minimum width on a
#: phone (43.75rem = 700 px) its smallest text is 12 px and an event's link 26 px high.
SCREEN_WIDTH, SCREEN_TEXT, SCREEN_ROW = 700.0, 12.0, 26.0


@dataclass(frozen=True)
class DrawnFigure:
    """A figure ready for a page: where it goes, its number, caption, alt text and SVG."""

    id: str
    place: str
    """`background`, a topic's id, or `timeline`."""
    number: int
    label: str
    """How the text refers to it: `Figure 1`."""
    caption: str
    alt: str
    svg: str
    """The drawing for print (the PDF), sized for a text column of paper."""
    screen_svg: str | None = None
    """A drawing for screens, when it differs: its text is at least 12 px where a phone
    shows it at its minimum width (the figure then scrolls sideways)."""

    @property
    def anchor(self) -> str:
        """Return the HTML id of the figure."""
        return f"figure-{self.id}"


def figure_style(colors: Colors) -> FigureStyle:
    """Return the figures' style in the brand's palette."""
    return FigureStyle(
        primary=colors.primary,
        accent=colors.accent,
        ink=colors.foreground,
        muted=colors.secondary,
        rule=colors.rule,
        tint=colors.primary_tint,
        paper=colors.background,
    )


def draw_figures(
    brief: Brief, t: Labels, layers: tuple[Path, ...], notes: NoteIndex | None = None
) -> dict[str, DrawnFigure]:
    """Return every figure of the brief, drawn and numbered, by id, in reading order; with
    `notes`, the timeline's screen drawing links each event to its first note."""
    style = figure_style(brief.brand.color)
    timeline = len(brief.timeline) >= MIN_TIMELINE_EVENTS
    caption = t("timeline_figure_caption") if timeline else None
    order = reading_order(brief.figures, [topic.id for topic in brief.topics], caption)
    numbered = number_figures(order)
    drawn: dict[str, DrawnFigure] = {}
    by_id = {figure.id: figure for figure in brief.figures}
    topics = {topic.id for topic in brief.topics}
    for figure_id, figure_number in numbered.items():
        label = t("figure_label", number=figure_number.number)
        screen = None
        if figure_id == TIMELINE:
            svg = _timeline_svg(brief, t, style)
            screen_style = replace(
                style, width=SCREEN_WIDTH, font_size=SCREEN_TEXT, small_size=SCREEN_TEXT,
                row=SCREEN_ROW,
            )  # fmt: skip
            screen = _timeline_svg(brief, t, screen_style, notes)
            alt, place = t("timeline_figure_alt", count=len(brief.timeline)), TIMELINE
        else:
            figure = by_id[figure_id]
            svg = _chart_svg(figure_id, brief, layers, style)
            alt = figure.alt
            place = figure.topic if figure.topic in topics else "background"
        drawn[figure_id] = DrawnFigure(
            figure_id, place or "background", figure_number.number, label,
            figure_number.caption, alt, svg, screen,
        )  # fmt: skip
    return drawn


def _timeline_svg(
    brief: Brief, t: Labels, style: FigureStyle, notes: NoteIndex | None = None
) -> str:
    """Draw the timeline: lanes by `track:`, labels by `label:`; with `notes` (the screen
    drawing), each event links to its first source note. The print drawing has no links:
    WeasyPrint makes no link of an <a> inside an SVG."""
    events = brief.timeline
    tracks: Mapping[str, str] = {e.id: e.track for e in events if e.track}
    labels: Mapping[str, str] = {e.id: e.label for e in events if e.label}
    first = {e.id: found[0].number for e in events if notes and (found := notes.of(e))}
    return draw_timeline(
        events, tracks, labels=labels, notes=first or None, style=style,
        other_track=t("timeline_other_track"), figure_id=f"figure-{TIMELINE}-{int(style.width)}",
        words=timeline_words(t), as_of=brief.metadata.as_of,
    )  # fmt: skip


#: Babel's skeletons for a date beside a mark, by how much of it is known: `8 Sept 2022`.
SHORT_SKELETONS = {Precision.DAY: "yMMMd", Precision.MONTH: "yMMM", Precision.YEAR: "y"}


def timeline_words(t: Labels) -> TimelineWords:
    """Return the timeline's words in the labels' language: dates as Babel writes them for
    its locale (in full, and short beside the marks), months as its abbreviations."""

    def title(count: int, first: str, last: str) -> str:
        if first == last:
            return t("timeline_svg_title_one_date", count=count)
        return t("timeline_svg_title", count=count, first=first, last=last)

    def short_date(period: Period) -> str:
        return t.date_skeleton(period.start, SHORT_SKELETONS[period.precision])

    months = t.locale.months["format"]["abbreviated"]
    return TimelineWords(
        date=lambda period: t.date(_iso(period)),
        short_date=short_date,
        title=title,
        precision={
            Precision.MONTH: t("timeline_svg_known_month"),
            Precision.YEAR: t("timeline_svg_known_year"),
        },
        year_inferred=t("timeline_svg_year_inferred"),
        scheduled=t("timeline_svg_scheduled"),
        due=t("timeline_svg_due"),
        before=t("timeline_svg_before"),
        list_separator=t("list_separator"),
        event=t("timeline_svg_event"),
        lane=t("timeline_svg_lane"),
        separator=t("timeline_svg_event_separator"),
        tooltip=t("timeline_svg_tooltip"),
        months=(months[4], months[7], months[10]),
        legend={key: t(f"timeline_legend_{key}") for key in KEYS},
    )


def _iso(period: Period) -> str:
    """Return a period as the partial ISO date it was written as: 2022, 2022-09, 2022-09-08."""
    length = {Precision.YEAR: 4, Precision.MONTH: 7, Precision.DAY: 10}[period.precision]
    return period.start.isoformat()[:length]


def _chart_svg(figure_id: str, brief: Brief, layers: tuple[Path, ...], style: FigureStyle) -> str:
    """Draw a figure from data with Vega-Lite, text measured with the theme's fonts."""
    from briefwright.figures.charts import render_chart  # vl-convert: only when a brief has one

    figure = next(f for f in brief.figures if f.id == figure_id)
    fonts = next(
        (layer / "assets" / "fonts" for layer in layers if (layer / "assets" / "fonts").is_dir()),
        layers[-1] / "assets" / "fonts",
    )
    return render_chart(figure, fonts, style, f"figure-{figure_id}")
