"""A brief in Japanese: its labels, dates and plural forms in the PDF and the HTML, its
language declared in both, and the bundled Japanese faces (Regular and Bold) embedded."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from briefwright.pipeline.outcome import Built
from briefwright.pipeline.run import build_project
from briefwright.settings import Project
from tests.conftest import FIXTURES, TEMPLATES


@pytest.fixture(scope="module")
def japanese(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the Japanese fixture once; return its output folder."""
    root = tmp_path_factory.mktemp("ja")
    shutil.copytree(FIXTURES / "minimal", root / "content")
    shutil.copytree(FIXTURES / "japanese", root / "content", dirs_exist_ok=True)
    made = build_project(Project(root / "content", TEMPLATES), root / "out")
    assert isinstance(made, Built)
    return root / "out"


def _text(pdf: Path) -> str:
    result = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True)
    return re.sub(r"\s+", "", result.stdout)  # Japanese has no spaces to keep


def test_pdf_labels_dates_and_language_are_japanese(japanese: Path) -> None:
    """Headings, the ICD 203 terms, dates (Babel) and the page number are the catalogue's;
    the PDF declares /Lang ja."""
    text = _text(japanese / "brief.pdf")
    labels = ["結論", "目次", "主要判断", "評価・可能性が高い（55〜80%）", "評価・確信度：高"]
    labels += ["根拠：注", "出典注", "情報時点2023年3月20日", "1/3ページ", "2023年3月"]
    labels += ["宛先試験の読者", "提言・試験の読者向け", "このブリーフのHTML版"]
    for label in labels:
        assert label in text, label
    assert "Key judgments" not in text and "Page" not in text
    with pikepdf.open(japanese / "brief.pdf") as pdf:
        assert str(pdf.Root.Lang) == "ja"
        fonts = {str(font.BaseFont) for page in pdf.pages for font in page.resources.Font.values()}
    assert any(name.endswith("Noto-Sans-CJK-JP") for name in fonts)
    assert any(name.endswith("Noto-Sans-CJK-JP-Bold") for name in fonts)


def test_onepager_is_japanese_too(japanese: Path) -> None:
    """The one-pager's kicker, headings and sources line come from the same catalogue."""
    text = _text(japanese / "onepagers" / "only.pdf")
    labels = ["一枚紙1/1", "要点", "提言", "引用出典", "試験新聞、2023年3月20日、報道記事：注"]
    for label in labels:
        assert label in text, label


def test_html_declares_japanese_and_ships_japanese_web_fonts(japanese: Path) -> None:
    """The HTML's lang follows the brief; its fonts.css declares the Japanese faces, cut to
    the characters used (kilobytes, not the 1.9 MB faces)."""
    html = (japanese / "brief.html").read_text()
    assert '<html lang="ja">' in html and "主要判断" in html
    css = (japanese / "assets" / "labels.css").read_text()
    assert 'content:"「"' in css and '"/" counter(pages) "ページ"' in css  # shipped minified
    fonts_css = (japanese / "assets" / "fonts.css").read_text()
    assert "BW Japanese" in fonts_css
    face = japanese / "assets" / "fonts" / "NotoSansCJKjp-Regular-JIS.woff2"
    assert 0 < face.stat().st_size < 60_000
