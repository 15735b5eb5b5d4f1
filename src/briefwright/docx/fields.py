"""Turn field instructions into complex-field runs: begin, instruction, separate, result, end.

Only this module writes w:instrText, and only instructions the writer composes from
constants, numbers and bookmark names it made itself: content never reaches a field
instruction. Each field carries a cached result, which is what a reader shows until it
updates fields (LibreOffice's PDF export shows some as they are), so the writer computes
the right result itself where it can.
"""

from __future__ import annotations

from briefwright.docx.ooxml import escape


def _char(kind: str, run_props: str, dirty: bool = False) -> str:
    dirty_attr = ' w:dirty="true"' if dirty else ""
    return f'<w:r>{run_props}<w:fldChar w:fldCharType="{kind}"{dirty_attr}/></w:r>'


def field_begin(instruction: str, run_props: str, dirty: bool = False) -> list[str]:
    """Return the runs that open a field and start its result; `dirty` asks for an update."""
    return [
        _char("begin", run_props, dirty),
        f'<w:r>{run_props}<w:instrText xml:space="preserve"> {escape(instruction)} '
        "</w:instrText></w:r>",
        _char("separate", run_props),
    ]


def field_end(run_props: str) -> str:
    """Return the run that closes a field."""
    return _char("end", run_props)


def field_runs(instruction: str, result: str, run_props: str, dirty: bool = False) -> list[str]:
    """Return a whole field as runs, `result` its cached text."""
    shown = f'<w:r>{run_props}<w:t xml:space="preserve">{escape(result)}</w:t></w:r>'
    return [*field_begin(instruction, run_props, dirty), shown, field_end(run_props)]


def noteref(bookmark: str, number: int, run_props: str, *, raised: bool) -> list[str]:
    """Return a NOTEREF field to a note's bookmark; `raised` formats it as a note mark (\\f)."""
    switches = " \\f \\h" if raised else " \\h"
    return field_runs(f"NOTEREF {bookmark}{switches}", str(number), run_props)


def toc_begin(levels: int, run_props: str) -> list[str]:
    """Return the runs opening a TOC field over Heading 1 to `levels`, marked for update."""
    return field_begin(f'TOC \\o "1-{levels}" \\h \\z \\u', run_props, dirty=True)


def page_number(run_props: str, *, total: bool) -> list[str]:
    """Return a PAGE field (this page's number) or a NUMPAGES field (the page count)."""
    return field_runs("NUMPAGES" if total else "PAGE", "1", run_props)


def current_heading(run_props: str) -> list[str]:
    """Return a STYLEREF field showing the text of the nearest Heading 1 (a running head)."""
    return field_runs('STYLEREF "heading 1"', "", run_props)
