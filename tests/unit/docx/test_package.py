"""Tests for briefwright.docx.package: relationship ids in order, media named in order, the
content types, and a zip whose every byte is fixed."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from functools import lru_cache

import pytest

from briefwright.docx import package
from briefwright.docx.package import (
    Entry,
    Media,
    Relationships,
    content_types_xml,
    dos_timestamp,
    write_zip,
)


def test_relationship_ids_count_up_and_nothing_is_external() -> None:
    """Each relation gets the next rId; the .rels part never names an external target."""
    rels = Relationships()
    assert [rels.add("styles", "styles.xml"), rels.add("image", "media/image1.png")] == [
        "rId1",
        "rId2",
    ]
    xml = rels.xml().decode()
    assert 'Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/' in xml
    assert "TargetMode" not in xml


def test_media_are_numbered_as_they_come_an_svg_beside_its_png() -> None:
    """Pictures are image1.png (and image1.svg), image2.png, … in the order added."""
    media = Media()
    assert media.add(b"png1", b"<svg/>") == ("media/image1.png", "media/image1.svg")
    assert media.add(b"png2", None) == ("media/image2.png", None)
    assert [f.part_name for f in media.files] == [
        "word/media/image1.png",
        "word/media/image1.svg",
        "word/media/image2.png",
    ]


def test_content_types_list_the_extensions_used_and_each_part() -> None:
    """Defaults for rels, xml and the extensions given (sorted); an override per part."""
    xml = content_types_xml([("word/document.xml", "document")], {"png", "odttf"}).decode()
    extensions = [chunk.split('"')[0] for chunk in xml.split('Extension="')[1:]]
    assert extensions == ["odttf", "png", "rels", "xml"]
    assert 'PartName="/word/document.xml"' in xml and "document.main+xml" in xml


def test_the_zip_holds_the_entries_in_order_at_one_moment() -> None:
    """zipfile reads the entries back in the order given, deflated, all stamped with the
    build's moment, made on MS-DOS whatever the host."""
    moment = datetime(2023, 3, 20, 12, 34, 56)
    data = write_zip([Entry("b.xml", b"<b/>" * 100), Entry("a.bin", bytes(range(256)), 1)],
                     moment)  # fmt: skip
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        infos = archive.infolist()
        assert [i.filename for i in infos] == ["b.xml", "a.bin"]
        assert {i.date_time for i in infos} == {(2023, 3, 20, 12, 34, 56)}
        assert {i.create_system for i in infos} == {0}
        assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
        assert archive.read("a.bin") == bytes(range(256))
    assert write_zip([Entry("b.xml", b"<b/>" * 100)], moment) == write_zip(
        [Entry("b.xml", b"<b/>" * 100)], moment
    )


def test_zip_dates_run_from_1980_to_2107() -> None:
    """A moment zip cannot hold is refused; the first one it can is the zero time word."""
    assert dos_timestamp(datetime(1980, 1, 1)) == (0, (1 << 5) | 1)
    with pytest.raises(ValueError, match="1980 to 2107, not 1979"):
        dos_timestamp(datetime(1979, 12, 31))


def test_a_small_font_two_documents_share_is_deflated_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 20 kB font cut in two packages is deflated once (one-pagers share their cuts); each
    package's own XML is deflated every time, and the bytes are those of a fresh deflate."""
    deflated: list[str] = []
    real = package._deflate_now

    def counted(data: bytes, level: int) -> package._Deflated:
        deflated.append(data[:4].decode())
        return real(data, level)

    monkeypatch.setattr(package, "_deflate_now", counted)
    monkeypatch.setattr(package, "_deflate_cached", lru_cache(maxsize=8)(counted))
    font = b"font" + bytes(range(256)) * 80
    entries = [Entry("word/document.xml", b"<w:document/>"), Entry("word/fonts/font1.odttf", font)]
    first, second = (
        write_zip(entries, datetime(2023, 3, 20)),
        write_zip(entries, datetime(2023, 3, 20)),
    )
    assert first == second
    assert deflated == ["<w:d", "font", "<w:d"]
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.read("word/fonts/font1.odttf") == font
