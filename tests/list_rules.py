"""Check a tagged PDF's lists against the rules of ISO 32000-1:2008, 14.8.4.3.3 (Table 336),
independently of the fix-up in typeset/structure.py: an L holds only L, LI and Caption; an
LI sits in an L and holds only Lbl and LBody. Used by the tests that prove the fix-up."""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf
from pikepdf import Array, Dictionary, Name

LIST_KIDS = frozenset({"/L", "/LI", "/Caption"})
ITEM_KIDS = frozenset({"/Lbl", "/LBody"})


def list_problems(pdf: pikepdf.Pdf) -> Iterator[str]:
    """Yield each break of the three list rules, as "L <objgen> holds /Div" and the like."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    roles = _role_map(root)
    stack = [(kid, "/StructTreeRoot") for kid in reversed(_kids(root))]
    while stack:
        node, parent_kind = stack.pop()
        kind = _standard(node, roles)
        if kind is None:
            continue
        kinds = [_standard(kid, roles) for kid in _kids(node)]
        if kind == "/L":
            yield from (f"L {node.objgen} holds {k}" for k in kinds if k and k not in LIST_KIDS)
        if kind == "/LI":
            if parent_kind != "/L":
                yield f"LI {node.objgen} is in {parent_kind}"
            yield from (f"LI {node.objgen} holds {k}" for k in kinds if k and k not in ITEM_KIDS)
        stack.extend((kid, kind) for kid in reversed(_kids(node)) if _standard(kid, roles))


def _role_map(root: pikepdf.Object) -> dict[str, str]:
    found = root.get("/RoleMap")
    return {str(k): str(v) for k, v in found.items()} if found is not None else {}


def _standard(element: pikepdf.Object, roles: dict[str, str]) -> str | None:
    """Return a structure element's standard type through the role map (None for content)."""
    if not isinstance(element, Dictionary) or "/S" not in element:
        return None
    if element.get("/Type") in (Name.MCR, Name.OBJR):
        return None
    kind, seen = str(element.S), set()
    while kind in roles and kind not in seen:
        seen.add(kind)
        kind = roles[kind]
    return kind


def _kids(element: pikepdf.Object) -> list[pikepdf.Object]:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]
