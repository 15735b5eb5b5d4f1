"""Tests for briefwright.translate.apply and .strings: the translated edition is the same
brief, ids and quotes, with the translation's words."""

from __future__ import annotations

from datetime import date

import pytest

from briefwright.load.content import load_brief
from briefwright.model.brief import Brief, Correction
from briefwright.model.translation import Translation, TranslationEntry, fingerprint
from briefwright.translate.apply import translated
from briefwright.translate.strings import originals
from tests.conftest import CONTENT


@pytest.fixture(scope="module")
def brief() -> Brief:
    """The flagship, with its Japanese translation."""
    return load_brief(CONTENT)


def test_the_edition_is_in_japanese_with_the_same_ids_and_quotes(brief: Brief) -> None:
    """Titles and statements are the translation's; every id and every quote is the
    original's, and the edition knows what it was translated from."""
    edition = translated(brief, "ja")
    assert edition.metadata.language == "ja" and edition.metadata.title == "日印防衛産業協力"
    assert edition.translated_from is brief and edition.translations == ()
    assert [item.id for item in edition.cited()] == [item.id for item in brief.cited()]
    for mine, theirs in zip(edition.cited(), brief.cited(), strict=True):
        assert [c.quote for c in mine.cites] == [c.quote for c in theirs.cites]
    assert "2023年" in edition.front.key_judgments[2].text


def test_a_quote_is_kept_and_its_translation_is_added_as_the_translators(brief: Brief) -> None:
    """A `quote.1` entry becomes the citation's translation; the quote stays verbatim."""
    original = next(item for item in brief.cited() if item.id == "co-creation-proposal")
    edition = next(i for i in translated(brief, "ja").cited() if i.id == "co-creation-proposal")
    assert edition.cites[0].quote == original.cites[0].quote
    assert edition.cites[0].translation and "共創" in edition.cites[0].translation


def test_a_shared_text_is_translated_once_for_every_item_that_has_it(brief: Brief) -> None:
    """Three recommendations share their addressee: one entry translates it for all three."""
    wanted = [o for o in originals(brief) if o.field == "to"]
    assert [o.id for o in wanted] == ["rec-pilot-projects", "rec-exercise-metrics"]
    addressees = [r.to for r in translated(brief, "ja").front.recommendations]
    assert addressees == ["インド国防省", "インド国防省", "インド国防省", "インド空軍"]


def test_a_correction_is_translated_by_its_number(brief: Brief) -> None:
    """A correction has no id: `correction-1` names the first; its `was` and `now` are
    among the texts to translate, and the edition prints the translation."""
    was, now = "The exercise was in 2022.", "The exercise was in 2023."
    correction = Correction(date=date(2023, 4, 1), was=was, now=now,
                            statements=("kj-operations-ahead",))  # fmt: skip
    front = brief.front.model_copy(update={"corrections": (correction,)})
    entries = [TranslationEntry(id="correction-1", field=field, original=text,
                                fingerprint=fingerprint(text), text=words)
               for field, text, words in (("was", was, "訓練は2022年だった。"),
                                          ("now", now, "訓練は2023年だった。"))]  # fmt: skip
    ja = brief.translations[0]
    translation = Translation(language="ja", path=ja.path, entries=(*ja.entries, *entries))
    corrected = brief.model_copy(update={"front": front, "translations": (translation,)})
    assert {(o.id, o.field) for o in originals(corrected)} >= {("correction-1", "was"),
                                                              ("correction-1", "now")}  # fmt: skip
    (shown,) = translated(corrected, "ja").front.corrections
    assert (shown.was, shown.now) == ("訓練は2022年だった。", "訓練は2023年だった。")
