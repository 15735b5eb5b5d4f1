"""Repair the list structure WeasyPrint 70 tags, then finish the file for PDF/A and
PDF/UA (typeset/conformance.py).

WeasyPrint 70 (``weasyprint/pdf/tags.py``) maps HTML to PDF structure types one box at
a time. Two of its mappings break the list rules of ISO 32000-1:2008, 14.8.4.3.3 (Table
336), which PDF/UA-1 (ISO 14289-1:2014, 7.2) makes mandatory and the Matterhorn Protocol
checks as failure condition 09-005 (veraPDF PDF/UA-1 rules 7.2-17, -19 and -20):

* ``<dl><div><dt>…</dt><dd>…</dd></div>…</dl>`` (HTML's grouping of a term with its
  definitions) becomes ``L > Div > LI > LBody``: the ``div`` is tagged ``Div`` like any
  other ``div``, so the L holds a Div, and its LIs sit outside any L.
* A block-level child of a list item that has a marker, such as the note list's
  ``<li>… <span class="backrefs" style="display: block">…</span></li>`` or a ``<p>`` in a
  ``<li>``, becomes a direct child of the LI (``LI > Lbl, LBody, Span``): the tagger turns
  only the *anonymous* blocks of a list item into LBody, never an element's own box.

The second cannot be written differently in HTML without changing the page: a block
child is the only way to give the back-references a line box of their own size (as an
inline run after a ``<br>`` or as an inline-block they take the list item's taller strut,
and each note grows). The first can (templates-dl-optional.patch: no ``div``s, grid and
break rules on ``dt``/``dd``), at the cost of the screen layout of the cover's grid and of
white-space discipline in the templates. So this module rewrites the structure tree after
typesetting, for any template:

1. An L kid that is not L, LI or Caption is *hoisted* (replaced by its own kids) when it
   only groups list items, i.e. every kid is an LI or L or again such a group; the result
   is exactly the tree WeasyPrint writes for the same ``dl`` without the ``div``s.
   Any other non-list kid of an L goes to the end of the LBody of the LI before it
   (WeasyPrint tags the space between inline-block items as a Span of the L), or, when
   no LI precedes it, is wrapped as ``LI > LBody > kid``.
2. An LI kid that is not Lbl or LBody is moved to the end of the LBody before it (a new
   LBody in its place when there is none): ``LI > Lbl, LBody[…, Span]``. This is the
   tree WeasyPrint writes for a list item without a marker, with the label kept.
3. A run of consecutive LI siblings whose parent is not an L is wrapped in a new L.

Only structure elements move: no marked content, MCID, ParentTree entry, annotation,
font or content stream is touched, so the pages look exactly as before and text
extraction and reading order are unchanged. Elements that own content directly (MCIDs,
marked-content or object references) in a place the rules forbid are left alone; the
validator then still reports them.

Everything is deterministic: the tree is walked in document order, new objects are
appended in that order, and the file is written with qpdf's deterministic document ID
(both ID strings become a digest of the written file's content instead of WeasyPrint's
own digest), so equal input bytes give equal output bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name

from briefwright.figures.tagging import describe_figures, save_deterministic
from briefwright.typeset.conformance import (
    declare_pdfua1,
    unambiguous_stream_ends,
    uncompress_metadata,
)

LIST_KIDS = frozenset({"/L", "/LI", "/Caption"})
ITEM_KIDS = frozenset({"/Lbl", "/LBody"})


@dataclass
class Report:
    """What `fix_list_structure` changed, by rule (counts of elements)."""

    hoisted: int = 0  # non-list kids of an L replaced by their list items
    wrapped_in_item: int = 0  # non-list kids of an L wrapped as LI > LBody
    moved_into_body: int = 0  # non-Lbl/LBody kids of an LI moved into an LBody
    new_bodies: int = 0  # LBody elements created for them
    new_lists: int = 0  # L elements created around LIs that had no L parent
    untouched: list[str] = field(default_factory=list)  # cases left for the validator

    @property
    def changed(self) -> int:
        return self.hoisted + self.wrapped_in_item + self.moved_into_body + self.new_lists


class _Tree:
    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        root = pdf.Root.get("/StructTreeRoot")
        role_map = root.get("/RoleMap") if root is not None else None
        self.role_map: dict[str, str] = (
            {str(k): str(v) for k, v in role_map.items()} if role_map is not None else {}
        )
        self.report = Report()

    def standard(self, element: pikepdf.Object) -> str | None:
        """The standard structure type of a structure element (None for content)."""
        if not isinstance(element, Dictionary) or "/S" not in element:
            return None
        if element.get("/Type") in (Name.MCR, Name.OBJR):
            return None
        kind, seen = str(element.S), set()
        while kind in self.role_map and kind not in seen:
            seen.add(kind)
            kind = self.role_map[kind]
        return kind

    @staticmethod
    def kids(element: pikepdf.Object) -> list[pikepdf.Object]:
        k = element.get("/K")
        if k is None:
            return []
        return list(k) if isinstance(k, Array) else [k]

    @staticmethod
    def set_kids(element: pikepdf.Object, kids: list[pikepdf.Object]) -> None:
        element.K = Array(kids)

    def new(self, kind: str, parent: pikepdf.Object, kids: list[pikepdf.Object]) -> pikepdf.Object:
        element = self.pdf.make_indirect(
            Dictionary(Type=Name.StructElem, S=Name(kind), P=parent, K=Array(kids))
        )
        for kid in kids:
            if self.standard(kid) is not None:
                kid.P = element
        return element

    def is_item_group(self, element: pikepdf.Object) -> bool:
        """True if element only groups list items (LI, L, or groups of them)."""
        kids = self.kids(element)
        if not kids:
            return False
        for kid in kids:
            kind = self.standard(kid)
            if kind is None:
                return False  # owns content itself: not a mere grouping
            if kind in ("/LI", "/L"):
                continue
            if kind == "/Caption" or not self.is_item_group(kid):
                return False
        return True

    def last_body(self, kids: list[pikepdf.Object]) -> pikepdf.Object | None:
        """The last LBody of the last kid if that kid is an LI."""
        if not kids or self.standard(kids[-1]) != "/LI":
            return None
        bodies = [k for k in self.kids(kids[-1]) if self.standard(k) == "/LBody"]
        return bodies[-1] if bodies else None

    # -- rule 1: an L holds only L, LI and Caption -------------------------------------
    def fix_list(self, lst: pikepdf.Object) -> None:
        changed = True
        while changed:
            changed = False
            result: list[pikepdf.Object] = []
            for kid in self.kids(lst):
                kind = self.standard(kid)
                if kind is None or kind in LIST_KIDS:
                    result.append(kid)
                elif self.is_item_group(kid):
                    for grandkid in self.kids(kid):
                        grandkid.P = lst
                        result.append(grandkid)
                    self.report.hoisted += 1
                    changed = True
                elif (body := self.last_body(result)) is not None:
                    # Content after an item belongs to it (WeasyPrint: the space between
                    # inline-block items, tagged Span).
                    body.K = Array([*self.kids(body), kid])
                    kid.P = body
                    self.report.moved_into_body += 1
                else:
                    item = self.new("/LI", lst, [])
                    item.K = Array([self.new("/LBody", item, [kid])])
                    result.append(item)
                    self.report.wrapped_in_item += 1
            self.set_kids(lst, result)
        if any(self.standard(kid) is None for kid in self.kids(lst)):
            self.report.untouched.append(f"content directly in L {lst.objgen}")

    # -- rule 2: an LI holds only Lbl and LBody -----------------------------------------
    def fix_item(self, item: pikepdf.Object) -> None:
        kids = self.kids(item)
        if all(self.standard(kid) in ITEM_KIDS for kid in kids):
            return
        result: list[pikepdf.Object] = []
        body: pikepdf.Object | None = None
        for kid in kids:
            kind = self.standard(kid)
            if kind == "/LBody":
                body = kid
                result.append(kid)
            elif kind == "/Lbl":
                result.append(kid)
            elif kind is None:
                self.report.untouched.append(f"content directly in LI {item.objgen}")
                result.append(kid)
            else:
                if body is None:
                    body = self.new("/LBody", item, [])
                    result.append(body)
                    self.report.new_bodies += 1
                body.K = Array([*self.kids(body), kid])
                kid.P = body
                self.report.moved_into_body += 1
        self.set_kids(item, result)

    # -- rule 3: an LI has an L parent ----------------------------------------------------
    def fix_orphans(self, parent: pikepdf.Object) -> None:
        kids = self.kids(parent)
        if not any(self.standard(kid) == "/LI" for kid in kids):
            return
        result: list[pikepdf.Object] = []
        run: list[pikepdf.Object] = []
        for kid in [*kids, None]:
            if kid is not None and self.standard(kid) == "/LI":
                run.append(kid)
                continue
            if run:
                result.append(self.new("/L", parent, run))
                self.report.new_lists += 1
                run = []
            if kid is not None:
                result.append(kid)
        self.set_kids(parent, result)

    def walk(self, element: pikepdf.Object) -> None:
        stack = [element]
        while stack:
            node = stack.pop()
            kind = self.standard(node)
            if kind == "/L":
                self.fix_list(node)
            elif kind == "/LI":
                self.fix_item(node)
            else:
                self.fix_orphans(node)
            stack.extend(reversed([k for k in self.kids(node) if self.standard(k)]))


def fix_list_structure(pdf: pikepdf.Pdf) -> Report:
    """Rewrite the structure tree of `pdf` in place so lists follow ISO 32000-1 Table 336."""
    tree = _Tree(pdf)
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return tree.report
    for top in _Tree.kids(root):
        if tree.standard(top) == "/LI":  # an LI directly under the root: wrap the root's kids
            tree.fix_orphans(root)
            break
    for top in _Tree.kids(root):
        tree.walk(top)
    return tree.report


def postprocess(data: bytes, *, pdfua1: bool = False, html: str = "") -> bytes:
    """Return `data` (a tagged PDF from WeasyPrint) with lists fixed and XMP unfiltered,
    and each figure's /Alt holding its SVG's description as well as its title (`html`, the
    page typeset: figures/tagging.py).

    With `pdfua1`, also declare PDF/UA-1 in a PDF/A file (see `declare_pdfua1`).
    A file that needs no change is returned as it is, byte for byte. Deterministic: the
    same input bytes always give the same output bytes.
    """
    with pikepdf.open(io.BytesIO(data)) as pdf:
        changed = fix_list_structure(pdf).changed
        if "<svg" in html:
            changed += describe_figures(pdf, html)
        if uncompress_metadata(pdf):  # a PDF/A file
            changed += 1 + unambiguous_stream_ends(pdf)
        if pdfua1:
            declare_pdfua1(pdf)
            changed += 1
        if not changed:
            return data
        return save_deterministic(pdf)
