"""Turn YAML text into plain data (dicts, lists, strings) that remembers where each value was.

Only the YAML that an editor needs is accepted: no tags beyond the standard ones, no anchors
or aliases, no duplicate keys. Every scalar stays a string (or None when empty), so `NO`,
`012345` or `1.10` never change meaning on the way in; the models decide what a value is.

Parsing uses PyYAML on libyaml (C): the pure-Python parser took 2 s of a 150-topic brief's
build. The events are read first, so anchors and deep nesting are refused before anything is
composed: the C composer would follow aliases and recurse without Python's depth limit.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.model.base import POSITION_KEY, Position

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)
_NULL_TAG = "tag:yaml.org,2002:null"
_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
MAX_DEPTH = 32


def parse_yaml(text: str, path: str, first_line: int = 1) -> Any:
    """Parse one YAML document into plain data; raise BriefError naming file, line and column."""
    try:
        _refuse_anchors_and_depth(text, path, first_line)
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.reader.ReaderError as error:
        where = _at_character(text, error.position, path, first_line)
        message = f"YAML syntax: character U+{error.character:04X} is not allowed here; delete it"
        raise BriefError([Diagnostic("BW002", message, where)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = _location(path, mark, first_line) if mark else Location(path, first_line)
        problem = error.problem or error.context or "invalid YAML"
        if problem.startswith("mapping values are not allowed"):
            problem += (
                "; text that contains ': ' must be quoted: put the whole value in double "
                'quotes ("…")'
            )
        raise BriefError([Diagnostic("BW002", f"YAML syntax: {problem}", where)]) from None
    except yaml.YAMLError as error:
        message = f"YAML syntax: {error}".splitlines()[0]
        raise BriefError([Diagnostic("BW002", message, Location(path, first_line))]) from None
    if node is None:
        return None
    return _Converter(path, first_line).convert(node)


def _refuse_anchors_and_depth(text: str, path: str, first_line: int) -> None:
    """Walk the parser's events: refuse an anchor, an alias or nesting past MAX_DEPTH."""
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        where = _location(path, event.start_mark, first_line)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            message = "YAML anchors and aliases are not allowed; repeat the text"
            raise BriefError([Diagnostic("BW002", message, where)])
        if isinstance(event, _OPENS):
            depth += 1
            if depth > MAX_DEPTH:
                message = f"nesting deeper than {MAX_DEPTH} levels"
                raise BriefError([Diagnostic("BW002", message, where)])
        elif isinstance(event, _CLOSES):
            depth -= 1


def _location(path: str, mark: Any, first_line: int) -> Location:
    return Location(path, mark.line + first_line, mark.column + 1)


def _at_character(text: str, position: int, path: str, first_line: int) -> Location:
    """Return the line and column of the character at `position` in text."""
    line_start = text.rfind("\n", 0, position) + 1
    return Location(path, text.count("\n", 0, position) + first_line, position - line_start + 1)


class _Converter:
    """Walk a composed YAML node tree, refusing what the content format does not allow."""

    def __init__(self, path: str, first_line: int) -> None:
        self.path = path
        self.first_line = first_line

    def where(self, node: Node) -> Location:
        return _location(self.path, node.start_mark, self.first_line)

    def refuse(self, node: Node, message: str) -> BriefError:
        return BriefError([Diagnostic("BW002", message, self.where(node))])

    def convert(self, node: Node) -> Any:
        if str(node.tag) not in _STANDARD_TAGS:
            raise self.refuse(node, f"YAML tag {node.tag} is not allowed; remove it")
        if isinstance(node, MappingNode):
            return self.convert_mapping(node)
        if isinstance(node, SequenceNode):
            return [self.convert(item) for item in node.value]
        assert isinstance(node, ScalarNode)
        if str(node.tag) == _NULL_TAG and not node.style:  # plain: None, or "" from libyaml
            return None
        return str(node.value)

    def convert_mapping(self, node: MappingNode) -> dict[str, Any]:
        data: dict[str, Any] = {}
        values: dict[str, Location] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise self.refuse(key_node, "a key must be plain text")
            key = str(key_node.value)
            if key in data:
                raise self.refuse(key_node, f"duplicate key '{key}'")
            data[key] = self.convert(value_node)
            values[key] = self.where(value_node)
        data[POSITION_KEY] = Position(self.where(node), values)
        return data
