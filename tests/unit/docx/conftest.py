"""Fixtures for the Word writer's tests: each sample written once, and a package reader."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree as ET

import pytest

from briefwright.docx.ooxml import DRAWING_NAMESPACES, WORD_NAMESPACES
from briefwright.docx.writer import write_docx
from tests.unit.docx import samples

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def fragment(xml: str) -> ET.Element:
    """Parse a piece of WordprocessingML (runs, properties, a drawing) with the namespaces a
    part declares, as a reader would; return the element that holds it."""
    namespaces = " ".join(f'{name}="{uri}"' for name, uri in
                          (WORD_NAMESPACES | DRAWING_NAMESPACES).items())  # fmt: skip
    return ET.fromstring(f"<fragment {namespaces}>{xml}</fragment>")


class Package:
    """A written .docx opened for inspection: its bytes, part names and parsed parts."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.zip = zipfile.ZipFile(io.BytesIO(data))

    @property
    def names(self) -> list[str]:
        """Return the part names in zip order."""
        return self.zip.namelist()

    def text(self, name: str) -> str:
        """Return a part as text."""
        return self.zip.read(name).decode("utf-8")

    def xml(self, name: str) -> ET.Element:
        """Return a part parsed as XML."""
        return ET.fromstring(self.zip.read(name))  # the writer's own output

    def xml_parts(self) -> list[str]:
        """Return the names of the XML parts (relationships included)."""
        return [n for n in self.names if n.endswith((".xml", ".rels"))]


@pytest.fixture(scope="session")
def brief() -> Package:
    """Return the sample brief, written."""
    return Package(write_docx(samples.sample_brief()))


@pytest.fixture(scope="session")
def onepager() -> Package:
    """Return the sample one-pager, written."""
    return Package(write_docx(samples.sample_onepager()))


@pytest.fixture(scope="session")
def hostile() -> Package:
    """Return the hostile document, written."""
    return Package(write_docx(samples.hostile_document()))
