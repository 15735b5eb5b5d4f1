"""Tests for briefwright.authoring.schema: editor and record schemas are current and
describe every field."""

from __future__ import annotations

import json
from typing import Any

from briefwright.authoring.schema import all_schemas
from tests.conftest import ROOT

SCHEMAS = ROOT / "docs" / "schemas"


def test_committed_schemas_are_current() -> None:
    """docs/schemas/ holds exactly what `briefwright schema` writes (run it after a change)."""
    expected = all_schemas()
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(expected)
    for name, data in expected.items():
        assert (SCHEMAS / name).read_bytes() == data, f"{name} is stale: run briefwright schema"


def _properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = list(schema.get("properties", {}).items())
    for definition in schema.get("$defs", {}).values():
        found += list(definition.get("properties", {}).items())
    return found


def test_every_field_has_a_description() -> None:
    """Every property of every schema (content files and records) carries a description an
    editor, or a tool's author, can read."""
    for name, data in all_schemas().items():
        missing = [
            key for key, prop in _properties(json.loads(data)) if not prop.get("description")
        ]
        assert not missing, f"{name}: no description for {missing}"


def test_content_files_point_editors_at_their_schema() -> None:
    """Each YAML content file names its schema for the YAML language server."""
    files = {"brief.yaml": "brief", "timeline.yaml": "timeline", "actors.yaml": "actors"}
    files |= {"glossary.yaml": "glossary"}
    for name, kind in files.items():
        first = (ROOT / "content" / name).read_text().splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../docs/schemas/{kind}.schema.json"
    for topic in (ROOT / "content" / "topics").glob("*.yaml"):
        first = topic.read_text().splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../docs/schemas/topic.schema.json"
