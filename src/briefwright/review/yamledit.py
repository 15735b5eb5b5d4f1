"""Turn a YAML file's text and a new value for one of its scalars into the file's new text:
only that scalar's lines change, in its own style (a folded `>-` block stays one, wrapped
as wide as it was), so the file's comments, order and formatting stay as they were.

Line edits rather than a round-trip loader: a re-dump (even ruamel.yaml's) re-indents
sequences and re-wraps long lines it did not need to touch, and a diff of content/ must
show the accepted statements and nothing else. The new text is parsed back and must give
the new value, else the scalar is written as one double-quoted line, which always can.
"""

from __future__ import annotations

import json
import textwrap

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefwright.errors import Location

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MIN_WIDTH = 80


class NoSuchScalar(ValueError):
    """No scalar of the expected value starts at the given place."""


def replace_scalar(text: str, where: Location, old: str, new: str) -> str:
    """Return `text` with the scalar starting at `where` (holding `old`) holding `new`."""
    node = _scalar_at(text, where)
    if node.value.strip() != old.strip():
        raise NoSuchScalar(f"{where} no longer holds the text the review saw")
    start, end = node.start_mark.index, node.end_mark.index
    for written in (_in_style(text, node, new), json.dumps(new, ensure_ascii=False)):
        edited = text[:start] + written + text[end:]
        if _value_at(edited, where) == new:
            return edited
    raise NoSuchScalar(f"{where} cannot hold the new text")  # pragma: no cover


def _scalar_at(text: str, where: Location) -> ScalarNode:
    found = _find(yaml.compose(text, Loader=_LOADER), where.line - 1, where.column - 1)
    if found is None:
        raise NoSuchScalar(f"{where} holds no text value")
    return found


def _value_at(text: str, where: Location) -> str | None:
    try:
        node = _find(yaml.compose(text, Loader=_LOADER), where.line - 1, where.column - 1)
    except yaml.YAMLError:
        return None
    return None if node is None else str(node.value)


def _find(node: Node | None, line: int, column: int) -> ScalarNode | None:
    """Return the scalar node starting at line/column (0-based), searching the tree."""
    if isinstance(node, ScalarNode):
        mark = node.start_mark
        return node if (mark.line, mark.column) == (line, column) else None
    children: list[Node] = []
    if isinstance(node, MappingNode):
        children = [value for _, value in node.value]
    elif isinstance(node, SequenceNode):
        children = list(node.value)
    for child in children:
        if (found := _find(child, line, column)) is not None:
            return found
    return None


def _in_style(text: str, node: ScalarNode, new: str) -> str:
    """Return `new` written as the node's scalar was: a block kept a block, wrapped."""
    span = text[node.start_mark.index : node.end_mark.index]
    if node.style in (">", "|"):
        return _block(span, new, node.style)
    if "\n" not in span and node.style is None:
        return new
    if "\n" not in span:
        return json.dumps(new, ensure_ascii=False)
    return _block(">-\n" + span, new, ">")  # a plain scalar over several lines


def _block(span: str, new: str, style: str) -> str:
    """Return a block scalar with the same header and indentation, holding `new`; the
    lines before the first that changes are kept as they were."""
    header, _, body = span.partition("\n")
    lines = body.rstrip().split("\n")
    trailing = body[len(body.rstrip()) :]
    indent = next((line[: len(line) - len(line.lstrip())] for line in lines if line.strip()), "  ")
    if style == "|":
        return header + "\n" + "\n".join(indent + line for line in new.split("\n")) + trailing
    width = max(_MIN_WIDTH, *(len(line) for line in lines))
    kept: list[str] = []
    for line in lines:
        words = " ".join(part.strip() for part in (*kept, line))
        if not new.startswith(words + " "):
            break
        kept.append(line)
    rest = new[len(" ".join(part.strip() for part in kept)) :].strip()
    wrapped = textwrap.wrap(rest, width - len(indent), break_long_words=False,
                            break_on_hyphens=False)  # fmt: skip
    return header + "\n" + "\n".join([*kept, *(indent + line for line in wrapped)]) + trailing
