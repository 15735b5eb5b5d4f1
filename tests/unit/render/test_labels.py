"""Tests for briefwright.render.labels: catalogues, plurals and dates in the brief's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import Markup

from briefwright.errors import BriefError, Location
from briefwright.model.vocab import Confidence, Likelihood, SourceKind
from briefwright.render.labels import css_content, load_labels
from tests.conftest import LAYERS, TEMPLATES


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("en-GB", "2023-03-20", "20 March 2023"),
        ("en-GB", "2022-09", "September 2022"),
        ("en-GB", "2017", "2017"),
        ("en-US", "2023-03-20", "March 20, 2023"),
        ("ja", "2023-03-20", "2023年3月20日"),
        ("ja", "2022-09", "2022年9月"),
        ("ja", "2017", "2017年"),
    ],
)
def test_dates_are_as_precise_as_known_in_the_language(
    language: str, value: str, expected: str
) -> None:
    """Babel writes a full or partial date as the language does."""
    assert load_labels(LAYERS, language).date(value) == expected


def test_plural_forms_follow_cldr() -> None:
    """English has one/other; Japanese only other."""
    en, ja = load_labels(LAYERS, "en"), load_labels(LAYERS, "ja")
    assert en("basis_notes", count=1, numbers="3") == "note 3"
    assert en("basis_notes", count=2, numbers="3, 4") == "notes 3, 4"
    assert ja("basis_notes", count=2, numbers="3、4") == "注3、4"


def test_judgment_qualifiers_and_kinds() -> None:
    """ICD 203 terms come from the catalogue, with their probability ranges."""
    en, ja = load_labels(LAYERS, "en"), load_labels(LAYERS, "ja")
    assert en.qualifier(None, Likelihood.LIKELY) == "likely (55–80%)"
    assert en.qualifier(Confidence.HIGH, None) == "high confidence"
    assert ja.qualifier(Confidence.HIGH, None) == "確信度：高"
    assert ja.qualifier(None, Likelihood.ALMOST_CERTAIN) == "ほぼ確実（95〜99%）"
    assert en.kind(SourceKind.WIRE_COPY) == "Wire copy"


def test_catalogues_have_the_same_keys() -> None:
    """Every shipped catalogue has exactly English's keys (plural forms aside)."""
    en = set(load_labels(LAYERS, "en").words)
    ja = load_labels(LAYERS, "ja")
    own = {key.split(".")[0] for key in ja.words} - {key.split(".")[0] for key in en}
    assert own == set()
    assert {key.split(".")[0] for key in en} == {key.split(".")[0] for key in ja.words}


def test_unknown_language_falls_back_to_english_key_by_key() -> None:
    """A language without a catalogue gets English words and its own dates."""
    fr = load_labels(LAYERS, "fr")
    assert fr("key_judgments_heading") == "Key judgments"
    assert fr.date("2023-03-20") == "20 mars 2023"


def test_project_catalogue_and_brand_override_one_key(tmp_path: Path) -> None:
    """A project's labels/<lang>.yaml and the brand's `labels:` override single keys."""
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "en.yaml").write_text('bluf_heading: "Key message"\n')
    labels = load_labels((tmp_path, TEMPLATES), "en", {"contents_heading": "In this brief"})
    assert labels("bluf_heading") == "Key message"
    assert labels("contents_heading") == "In this brief"
    assert labels("key_judgments_heading") == "Key judgments"


def test_an_edited_catalogue_is_read_again(tmp_path: Path) -> None:
    """Catalogues are parsed once per text (a live preview reads them on every save): an
    edit to a project's catalogue shows at the next load, and a broken one is refused at
    its path."""
    (tmp_path / "labels").mkdir()
    catalogue = tmp_path / "labels" / "en.yaml"
    catalogue.write_text('bluf_heading: "Key message"\n')
    assert load_labels((tmp_path, TEMPLATES), "en")("bluf_heading") == "Key message"
    catalogue.write_text('bluf_heading: "The answer"\n')
    assert load_labels((tmp_path, TEMPLATES), "en")("bluf_heading") == "The answer"
    catalogue.write_text("- a list\n")
    with pytest.raises(BriefError, match="a label catalogue is a mapping") as caught:
        load_labels((tmp_path, TEMPLATES), "en")
    assert caught.value.diagnostics[0].location.path == str(catalogue)


def test_unknown_override_suggests_the_nearest_key() -> None:
    """A misspelt label key under `brand: labels:` is refused, naming the nearest key."""
    where = Location("content/brand.yaml", 7, 3)
    with pytest.raises(BriefError) as error:
        load_labels(LAYERS, "en", {"bluf_heading_": "x"}, where)
    (diagnostic,) = error.value.diagnostics
    assert diagnostic.location == where
    assert "did you mean `bluf_heading`?" in diagnostic.message


def test_markup_values_are_kept_and_the_label_escaped() -> None:
    """A label filled with markup (a link) escapes its own text but keeps the markup."""
    en = load_labels(LAYERS, "en")
    link = Markup('<a href="#x">Timeline</a>')
    assert en("cited_by_entry", section=link, count=2) == '<a href="#x">Timeline</a> (2)'
    assert en("cited_by_entry", section="<b>", count=1) == "<b> (1)"


def test_page_number_becomes_css_content() -> None:
    """`Page {number} of {total}` becomes CSS strings around counters, escaped."""
    assert css_content('Page {number} of "{total}"', number="counter(page)",
                       total="counter(pages)") == (
        '"Page " counter(page) " of \\"" counter(pages) "\\""'
    )  # fmt: skip
    assert "counter(page)" in load_labels(LAYERS, "ja").stylesheet()


def test_brand_labels_load_and_each_bad_one_is_refused_at_its_line(tmp_path: Path) -> None:
    """`labels:` in brand.yaml loads (the loader's positions stay out of the values); a
    label with a placeholder it is never given, a format program, a stray brace, markup or
    an unknown key is refused at its own line, every one at once."""
    from briefwright.load.content import load_series

    (tmp_path / "brand.yaml").write_text(
        "labels:\n"
        "  bluf_heading: Key message\n"
        '  cover_version: "Version {nope}"\n'
        '  series_count.one: "{count.__class__} brief"\n'
        '  cover_legend_corroborated: "{corroborated:>99999999} marks"\n'
        '  cover_product: "Product {"\n'
        '  contents_heading: "<b>Contents</b>"\n'
        "  bluf_headng: x\n"
    )
    _, brand = load_series(tmp_path)
    assert brand.labels["bluf_heading"] == "Key message"
    with pytest.raises(BriefError) as error:
        load_labels(LAYERS, "en", brand.labels, brand.where("labels"), brand.label_places)
    found = [(d.location.line, d.code, d.message) for d in error.value.diagnostics]
    assert [(line, code) for line, code, _ in found] == [
        (3, "BW003"), (4, "BW003"), (5, "BW003"), (6, "BW003"), (7, "BW150"), (8, "BW003"),
    ]  # fmt: skip
    assert "{nope}, which it is never given; it may use no placeholder" in found[0][2]
    assert "writes {count.__class__}: a placeholder is a plain name" in found[1][2]
    assert "it may use {corroborated}" in found[2][2]
    assert "did you mean `bluf_heading`?" in found[5][2]


def test_a_plural_form_may_use_its_count() -> None:
    """A plural form's override may use {count} and the placeholders of its other forms."""
    en = load_labels(LAYERS, "en", {"series_count.other": "{count} papers"})
    assert en("series_count", count=3) == "3 papers"
