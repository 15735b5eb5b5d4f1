"""A reviewer at work on a Word edition, for the clearance tests: comments added with
python-docx and tracked changes written as Word writes them (`w:ins`/`w:del` around runs),
each on a statement found by its review mark, so a test names statements by id."""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass, field

from docx import Document
from docx.text.run import Run
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BW = "{urn:briefwright:marks:1}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
DATE = "2026-11-30T10:00:00Z"


def marks_of(data: bytes) -> dict[str, str]:
    """Return the statement id of each review mark's key, read from the map part."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("customXml/item1.xml"))
    return {e.get("key"): e.get("id") for e in root.iter(_BW + "statement")}


def marked_runs(root: etree._Element, key: str) -> list[etree._Element]:
    """Return the w:r elements inside the bookmark `key`, in order."""
    start = next(e for e in root.iter(W + "bookmarkStart") if e.get(W + "name") == key)
    runs = []
    for sibling in start.itersiblings():
        if sibling.tag == W + "bookmarkEnd" and sibling.get(W + "id") == start.get(W + "id"):
            break
        if sibling.tag == W + "r" and sibling.find(W + "t") is not None:
            runs.append(sibling)
    return runs


def split_run(run: etree._Element, at: int) -> etree._Element:
    """Split a one-text run at character `at`; return the new second run (after `run`)."""
    text = run.find(W + "t")
    second = copy.deepcopy(run)
    second_text = second.find(W + "t")
    second_text.text, text.text = text.text[at:], text.text[:at]
    for element in (text, second_text):
        element.set(XML_SPACE, "preserve")
    run.addnext(second)
    return second


def isolate(run: etree._Element, start: int, end: int) -> etree._Element:
    """Return a run holding exactly characters start..end of a one-text run."""
    if end < len(run.find(W + "t").text):
        split_run(run, end)
    return split_run(run, start) if start else run


@dataclass
class Reviewer:
    """Edits a Word edition as a reviewer does; `data` is the reviewed file's bytes."""

    data: bytes
    revision_ids: int = 9000
    marks: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.marks = marks_of(self.data)

    def key(self, statement_id: str) -> str:
        """Return the key of the (first) mark of a statement."""
        return next(k for k, i in self.marks.items() if i == statement_id)

    def comment(self, statement_id: str, text: str, start: int = 0, end: int | None = None,
                author: str = "Reviewer A") -> None:  # fmt: skip
        """Comment on characters start..end of a statement's text run (python-docx)."""
        document = Document(io.BytesIO(self.data))
        run = marked_runs(document.element.body, self.key(statement_id))[0]
        length = len(run.find(W + "t").text)
        commented = isolate(run, start, length if end is None else end)
        paragraph = document.paragraphs[0]  # python-docx needs a parent; the run has its own
        document.add_comment([Run(commented, paragraph)], text=text, author=author,
                             initials="RA")  # fmt: skip
        out = io.BytesIO()
        document.save(out)
        self.data = out.getvalue()

    def insert(self, statement_id: str, at: int, text: str, author: str = "Reviewer B") -> None:
        """Insert `text` at character `at` of a statement's text run, tracked."""

        def edit(root: etree._Element) -> None:
            run = marked_runs(root, self.key(statement_id))[0]
            after = split_run(run, at)
            inserted = copy.deepcopy(after)
            inserted.find(W + "t").text = text
            run.addnext(self.revision("ins", author, inserted))

        self.edit_part("word/document.xml", edit)

    def delete(self, statement_id: str, start: int, end: int, author: str = "Reviewer B") -> None:
        """Delete characters start..end of a statement's text run, tracked."""
        self.edit_part("word/document.xml",
                       lambda root: self.delete_in(root, self.key(statement_id), start, end,
                                                   author))  # fmt: skip

    def replace_in_note(self, number: int, start: int, end: int, text: str) -> None:
        """Replace characters start..end of note `number`'s quoted passage, tracked."""

        def edit(root: etree._Element) -> None:
            deleted = self.delete_in(root, f"_bw_n{number}", start, end, "Reviewer C")
            inserted = copy.deepcopy(deleted.find(W + "r"))
            element = inserted.find(W + "delText")
            element.tag, element.text = W + "t", text
            deleted.addnext(self.revision("ins", "Reviewer C", inserted))

        self.edit_part("word/endnotes.xml", edit)

    def delete_in(self, root: etree._Element, key: str, start: int, end: int,
                  author: str) -> etree._Element:  # fmt: skip
        run = isolate(marked_runs(root, key)[0], start, end)
        run.find(W + "t").tag = W + "delText"
        deleted = self.revision("del", author)
        run.addprevious(deleted)
        deleted.append(run)
        return deleted

    def revision(self, kind: str, author: str, *runs: etree._Element) -> etree._Element:
        self.revision_ids += 1
        element = etree.Element(W + kind)
        element.set(W + "id", str(self.revision_ids))
        element.set(W + "author", author)
        element.set(W + "date", DATE)
        for run in runs:
            element.append(run)
        return element

    def edit_part(self, name: str, edit: object) -> None:
        """Rewrite one part of the package through `edit(root)`."""
        source = zipfile.ZipFile(io.BytesIO(self.data))
        out = io.BytesIO()
        with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == name:
                    root = etree.fromstring(data)
                    edit(root)  # type: ignore[operator]
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                          standalone=True)  # fmt: skip
                target.writestr(info, data)
        self.data = out.getvalue()
