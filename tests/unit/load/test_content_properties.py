"""Property-based tests of the loader: any input loads or raises our content error."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefwright.errors import BriefError
from briefwright.load.content import load_brief
from briefwright.load.yamlfile import parse_yaml
from tests.conftest import FIXTURES

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
structures = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)
CONTENT_FILES = ["brief.yaml", "topics/only.yaml", "timeline.yaml", "actors.yaml"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses_or_raises_a_content_error(text: str) -> None:
    """Arbitrary text given as YAML either parses or raises BriefError."""
    try:
        parse_yaml(text, "f.yaml")
    except BriefError as error:
        assert error.diagnostics and all(d.location.path == "f.yaml" for d in error.diagnostics)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CONTENT_FILES), structures)
def test_any_structure_loads_or_raises_a_content_error(name: str, data: Any) -> None:
    """Any JSON-like structure in any content file loads or raises BriefError, never crashes."""
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(FIXTURES / "minimal", content)
        (content / name).write_text(json.dumps(data), encoding="utf-8")
        try:
            load_brief(content)
        except BriefError as error:
            assert error.diagnostics
            assert all(str(d.location).startswith(str(content)) for d in error.diagnostics)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_load_or_raise_a_content_error(data: bytes) -> None:
    """Arbitrary bytes in a source file load or raise BriefError."""
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(FIXTURES / "minimal", content)
        (content / "sources" / "one.txt").write_bytes(data)
        try:
            load_brief(content)
        except BriefError as error:
            assert error.diagnostics
