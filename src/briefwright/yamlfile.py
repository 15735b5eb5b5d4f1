"""Turn YAML text into plain data (dicts, lists, strings) that remembers where each value was.

Only the YAML that an editor needs is accepted: no tags beyond the standard ones, no anchors
or aliases, no duplicate keys. Every scalar stays a string (or None when empty), so `NO`,
`012345` or `1.10` never change meaning on the way in; the models decide what a value is.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.modelbase import POSITION_KEY, Position

_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)
_NULL_TAG = "tag:yaml.org,2002:null"
MAX_DEPTH = 32


def parse_yaml(text: str, path: str, first_line: int = 1) -> Any:
    """Parse one YAML document into plain data; raise BriefError naming file, line and column."""
    try:
        node = YAML(typ="safe", pure=True).compose(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = _location(path, mark, first_line) if mark else Location(path, first_line)
        problem = error.problem or error.context or "invalid YAML"
        raise BriefError([Diagnostic("BW002", f"YAML syntax: {problem}", where)]) from None
    except YAMLError as error:
        message = f"YAML syntax: {error}".splitlines()[0]
        raise BriefError([Diagnostic("BW002", message, Location(path, first_line))]) from None
    if node is None:
        return None
    return _Converter(path, first_line).convert(node, depth=0)


def _location(path: str, mark: Any, first_line: int) -> Location:
    return Location(path, mark.line + first_line, mark.column + 1)


class _Converter:
    """Walk a composed YAML node tree, refusing what the content format does not allow."""

    def __init__(self, path: str, first_line: int) -> None:
        self.path = path
        self.first_line = first_line

    def where(self, node: Node) -> Location:
        return _location(self.path, node.start_mark, self.first_line)

    def refuse(self, node: Node, message: str) -> BriefError:
        return BriefError([Diagnostic("BW002", message, self.where(node))])

    def convert(self, node: Node, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise self.refuse(node, f"nesting deeper than {MAX_DEPTH} levels")
        if getattr(node, "anchor", None):
            raise self.refuse(node, "YAML anchors and aliases are not allowed; repeat the text")
        if str(node.tag) not in _STANDARD_TAGS:
            raise self.refuse(node, f"YAML tag {node.tag} is not allowed; remove it")
        if isinstance(node, MappingNode):
            return self.convert_mapping(node, depth)
        if isinstance(node, SequenceNode):
            return [self.convert(item, depth + 1) for item in node.value]
        assert isinstance(node, ScalarNode)
        if str(node.tag) == _NULL_TAG and node.style is None:
            return None
        return str(node.value)

    def convert_mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        data: dict[str, Any] = {}
        values: dict[str, Location] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise self.refuse(key_node, "a key must be plain text")
            key = str(key_node.value)
            if key in data:
                raise self.refuse(key_node, f"duplicate key '{key}'")
            data[key] = self.convert(value_node, depth + 1)
            values[key] = self.where(value_node)
        data[POSITION_KEY] = Position(self.where(node), values)
        return data
