"""The flagship's Japanese edition, built beside the English (build/ja/): the same documents
and notes, each one-pager on one page, /Lang ja and the Japanese faces embedded, the two
HTML editions linked both ways, the English quotes marked as English, and the English
glossary giving each term's Japanese form."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf

from briefwright.pipeline.outcome import Built

ONEPAGERS = ["co-development", "investment-corridors", "exercises-interoperability",
             "strategic-context"]  # fmt: skip


def _html(built: Built, name: str) -> str:
    return (built.out_dir / name).read_text(encoding="utf-8")


def test_every_document_is_built_in_japanese_too(built: Built) -> None:
    """build/ja/ holds the brief and each one-pager as PDF, HTML and Word; each one-pager
    is one page; every PDF says /Lang ja and embeds the Japanese faces."""
    stems = ["brief", *(f"onepagers/{topic}" for topic in ONEPAGERS)]
    for stem in stems:
        for suffix in (".pdf", ".html", ".docx"):
            assert (built.out_dir / "ja" / f"{stem}{suffix}").is_file(), stem + suffix
        with pikepdf.open(built.out_dir / "ja" / f"{stem}.pdf") as pdf:
            assert str(pdf.Root.Lang) == "ja", stem
            if stem != "brief":
                assert len(pdf.pages) == 1, stem
            fonts = {str(f.BaseFont) for page in pdf.pages for f in page.resources.Font.values()}
        assert any(name.endswith("Noto-Sans-CJK-JP") for name in fonts), stem


def test_the_notes_are_the_same_in_both_languages(built: Built) -> None:
    """Note N is the same note in both editions: same ids, same verbatim quotes."""
    english, japanese = _html(built, "brief.html"), _html(built, "ja/brief.html")
    ids = re.compile(r'<li id="note-(\d+)"')
    assert ids.findall(japanese) == ids.findall(english) and len(ids.findall(english)) > 30
    quote = re.compile(r'<q class="note-quote"[^>]*>(.*?)</q>', re.S)
    assert quote.findall(japanese) == quote.findall(english)


def test_each_page_links_to_itself_in_the_other_language(built: Built) -> None:
    """The language switch leads from each page to the same page in the other edition,
    both ways, with BCP 47 tags. The flagship does not say where it is published, so the
    heads name no `hreflang` alternate (search engines read only full addresses; with
    `metadata.url`, tests/unit/render/test_editions.py)."""
    english = _html(built, "onepagers/co-development.html")
    japanese = _html(built, "ja/onepagers/co-development.html")
    href = "../ja/onepagers/co-development.html"
    assert f'<a href="{href}" hreflang="ja" lang="ja">日本語</a>' in english
    back = "../../onepagers/co-development.html"
    assert f'<a href="{back}" hreflang="en-GB" lang="en-GB">English</a>' in japanese
    assert '<html lang="ja"' in japanese
    for page in (english, japanese):
        assert '<link rel="alternate" hreflang' not in page.split("</head>", 1)[0]


def test_english_quotes_on_japanese_pages_are_marked_english(built: Built) -> None:
    """Neither axe nor the Nu checker notices an unmarked English quote on a Japanese page
    (WCAG 3.1.2), so this test does: every quote carries lang="en-GB", and a translator's
    rendering is marked 訳 and left in Japanese."""
    japanese = _html(built, "ja/brief.html")
    quotes = re.findall(r"<q\b[^>]*>", japanese)
    assert quotes and all('lang="en-GB"' in tag for tag in quotes)
    translations = re.findall(r'class="note-translation"[^>]*>(訳：[^<]+)', japanese)
    assert translations and not any("lang=" in t for t in translations)


def test_the_english_glossary_gives_each_terms_japanese_form(built: Built) -> None:
    """Every glossary term of the English edition shows its Japanese form, marked ja."""
    english = _html(built, "brief.html")
    glossary = english.split('<dl class="glossary">', 1)[1].split("</dl>", 1)[0]
    terms = re.findall(r"<dt ", glossary)
    forms = re.findall(r'<span class="term-translation" lang="ja">([^<]+)</span>', glossary)
    assert len(forms) == len(terms) >= 10
    assert "日印物品役務相互提供協定（ACSA）" in forms and "航空自衛隊（JASDF）" in forms


def test_the_japanese_pdf_reads_as_japanese(built: Built, tmp_path: Path) -> None:
    """Page 1 of the Japanese PDF carries its Japanese labels and date style."""
    import subprocess

    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-raw",
                           str(built.out_dir / "ja" / "brief.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    squeezed = re.sub(r"\s+", "", text)
    for label in ("日印防衛産業協力", "結論", "主要判断", "2023年3月20日", "引用表記"):
        assert label in squeezed, label
