"""Define a brand: the organisation, logo, colours, fonts, series and footer a project's
documents carry, as a `brand:` block in brief.yaml or a project-wide brand.yaml.

Names and structure follow Quarto's `_brand.yml` (meta, logo, color, typography) so a
reader of either knows the other. Colours are validated as `#rrggbb`; the pairs the theme
sets text in are checked for WCAG 2 AA contrast (`contrast_failures`, check BW170).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Annotated, Any

from pydantic import Field, PrivateAttr, StringConstraints, model_validator

from briefwright.errors import Location
from briefwright.model.base import POSITION_KEY, Model, Position, Text

COLOR_PATTERN = r"^#[0-9a-fA-F]{6}$"
Color = Annotated[str, StringConstraints(pattern=COLOR_PATTERN)]
#: The families the theme bundles, by the names a brand gives them, and as the CSS knows them.
BUNDLED_FAMILIES = {"Source Serif 4": "BW Serif", "Noto Sans": "BW Sans"}
LOGO_TYPES = (".svg", ".png")
FONT_TYPES = (".ttf", ".otf")
#: WCAG 2.x AA for normal text. The primary colour also sets small labels and links, so it
#: is held to this ratio too, not to large text's 3:1.
AA_TEXT = 4.5


class Name(Model):
    """The organisation's names."""

    full: Text
    """The full name, e.g. `Institute for Indo-Pacific Studies`."""
    short: Text | None = None
    """A short form for running heads, e.g. `IIPS`."""


class Meta(Model):
    """Who publishes the documents."""

    name: Name
    """The organisation's full and short names."""


class Logo(Model):
    """The organisation's logo: an SVG or PNG file inside the project, with its alt text."""

    path: Text
    """The file, relative to the content folder, e.g. `brand/logo.svg`."""
    alt: Text
    """What the logo says, for readers who cannot see it."""


class Colors(Model):
    """The colours the theme uses; every text pair is checked for WCAG AA contrast."""

    foreground: Color = "#1b1f24"
    """Body text."""
    background: Color = "#ffffff"
    """Page background."""
    primary: Color = "#123a63"
    """Headings, links, the bottom line's band and recommendations."""
    secondary: Color = "#5a6470"
    """Muted text: labels, basis lines, running heads."""
    accent: Color = "#8a4b08"
    """Judgment labels and rules: what the brief assesses, as opposed to what it reports."""
    rule: Color = "#c9ced6"
    """Hairlines between blocks (not text: not contrast-checked)."""
    accent_tint: Color = "#fbf5ec"
    """Background of a judgment box."""
    primary_tint: Color = "#eef2f7"
    """Background of the bottom line and recommendation boxes."""
    corroborated: Color = "#2f6b3a"
    """The `corroborated` mark."""


class DarkColors(Colors):
    """The colours of the HTML edition in a reader's dark scheme; each text pair is checked
    for WCAG AA contrast like the light ones."""

    foreground: Color = "#e4e8ee"
    """Body text."""
    background: Color = "#14181d"
    """Page background."""
    primary: Color = "#9cc3f0"
    """Headings, links, the bottom line's band and recommendations."""
    secondary: Color = "#a9b4c0"
    """Muted text: labels, basis lines."""
    accent: Color = "#f0b070"
    """Judgment labels and rules."""
    rule: Color = "#3b4450"
    """Hairlines between blocks."""
    accent_tint: Color = "#2a2219"
    """Background of a judgment box."""
    primary_tint: Color = "#1d2631"
    """Background of the bottom line and recommendation boxes."""
    corroborated: Color = "#8fd19e"
    """The `corroborated` mark."""


class FontFile(Model):
    """One face of a font family the project supplies."""

    path: Text
    """The font file (TTF or OTF, static), relative to the content folder."""
    weight: int = Field(default=400, ge=100, le=900)
    """Its weight, 100–900."""
    style: Annotated[str, StringConstraints(pattern=r"^(normal|italic)$")] = "normal"
    """`normal` or `italic`."""


class Font(Model):
    """A font family the project supplies, with its licence."""

    family: Text
    """The family name the typography refers to."""
    files: tuple[FontFile, ...] = Field(min_length=1)
    """Its faces."""
    license: Text
    """The licence file (e.g. OFL.txt) shipped with the documents, relative to the content."""


class Typeface(Model):
    """Which family a role uses: one the theme bundles, or one of `typography.fonts`."""

    family: Text
    """A family name: `Source Serif 4` or `Noto Sans` (bundled), or one of `fonts:`."""


class Typography(Model):
    """The families for body text and for headings and labels."""

    fonts: tuple[Font, ...] = ()
    """Families the project supplies as files."""
    base: Typeface = Typeface(family="Source Serif 4")
    """Body text."""
    headings: Typeface = Typeface(family="Noto Sans")
    """Headings, labels, notes and running heads."""


class Brand(Model):
    """How a project's documents look and whom they name: Quarto's `_brand.yml`, for briefs."""

    meta: Meta | None = None
    """The organisation (default: the brief's `metadata.organisation`)."""
    logo: Logo | None = None
    """Shown on the cover and at the head of each one-pager."""
    color: Colors = Colors()
    """The palette."""
    dark: DarkColors = DarkColors()
    """The palette of the HTML edition when the reader's system asks for a dark scheme."""
    typography: Typography = Typography()
    """The fonts."""
    series: Text | None = None
    """The publication series (default: the brief's `metadata.series`)."""
    footer: Text | None = None
    """The closing line of the colophon (default: the catalogue's)."""
    labels: dict[str, str] = Field(default_factory=dict)
    """Label overrides, by key of labels/en.yaml (e.g. `bluf_heading: Key message`)."""

    _label_places: dict[str, Location] = PrivateAttr(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_label_places(cls, data: Any, handler: Any) -> Any:
        """Take the loader's positions out of `labels` (a mapping of any keys, so no model
        of its own keeps them), and keep where each label was written."""
        labels = data.get("labels") if isinstance(data, dict) else None
        position = labels.get(POSITION_KEY) if isinstance(labels, dict) else None
        if isinstance(labels, dict) and POSITION_KEY in labels:
            data = {**data, "labels": {k: v for k, v in labels.items() if k != POSITION_KEY}}
        brand = handler(data)
        if isinstance(position, Position):
            brand._label_places = dict(position.values)
        return brand

    def where(self, field: str | None = None) -> Location | None:
        """Return where the brand (or a field, or one label: `labels.<key>`) was written."""
        if field is not None and field.startswith("labels."):
            found = self._label_places.get(field.removeprefix("labels."))
            return found or super().where("labels")
        return super().where(field)

    @property
    def label_places(self) -> dict[str, Location]:
        """Return where each label under `labels:` was written, by key (when loaded)."""
        return dict(self._label_places)

    def families(self) -> dict[str, str]:
        """Return the families a brand may name, each with the CSS family it becomes."""
        own = {font.family: f"Brand {font.family}" for font in self.typography.fonts}
        return {**BUNDLED_FAMILIES, **own}

    def file_paths(self) -> list[str]:
        """Return the files the brand names (logo, font faces, licences), relative to the
        content folder, each once."""
        paths = [self.logo.path] if self.logo else []
        for font in self.typography.fonts:
            paths += [face.path for face in font.files] + [font.license]
        return list(dict.fromkeys(paths))


def brand_problems(brand: Brand) -> list[tuple[str, Location | None]]:
    """Return what is wrong with a brand's names and files that its schema cannot say: an
    unknown family, a logo or font of the wrong type, two files of one name."""
    problems = []
    known = brand.families()
    for role in ("base", "headings"):
        typeface = getattr(brand.typography, role)
        if typeface.family not in known:
            choices = ", ".join(f"`{name}`" for name in known)
            message = (
                f"font family `{typeface.family}` is neither bundled nor supplied; use one of "
                f"{choices}, or add it under `typography: fonts:` with its files"
            )
            problems.append((message, typeface.where("family")))
    if brand.logo and PurePosixPath(brand.logo.path).suffix.lower() not in LOGO_TYPES:
        problems.append(("the logo must be an SVG or PNG file", brand.logo.where("path")))
    for font in brand.typography.fonts:
        for face in font.files:
            if PurePosixPath(face.path).suffix.lower() not in FONT_TYPES:
                problems.append(("a font file must be a static TTF or OTF", face.where("path")))
    names = [PurePosixPath(path).name for path in brand.file_paths()]
    clashes = sorted({name for name in names if names.count(name) > 1})
    if clashes:
        problems.append((f"two brand files are named {clashes[0]}; rename one", brand.where()))
    return problems


def contrast_failures(colors: Colors) -> list[tuple[str, str, float, float]]:
    """Return (what, which colours, ratio, required) for each text pair below WCAG AA."""
    pairs = [
        ("body text", "foreground", "background", AA_TEXT),
        ("links, labels and headings", "primary", "background", AA_TEXT),
        ("muted text", "secondary", "background", AA_TEXT),
        ("judgment labels", "accent", "accent_tint", AA_TEXT),
        ("judgment text", "foreground", "accent_tint", AA_TEXT),
        ("recommendation labels", "primary", "primary_tint", AA_TEXT),
        ("the corroborated mark", "corroborated", "background", AA_TEXT),
    ]
    failures = []
    for what, text, ground, required in pairs:
        ratio = contrast_ratio(getattr(colors, text), getattr(colors, ground))
        if ratio < required:
            failures.append((what, f"{text} on {ground}", ratio, required))
    return failures


def contrast_ratio(first: str, second: str) -> float:
    """Return the WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(color: str) -> float:
    """Return a colour's relative luminance (WCAG 2)."""
    channels = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
