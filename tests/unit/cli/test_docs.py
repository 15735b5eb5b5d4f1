"""Tests that the documentation keeps up with the code."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from briefwright.cli.docs import (
    import_graph,
    layers,
    module_summaries,
    package_imports,
    with_checks_table,
    with_modules_table,
)
from briefwright.codes import CODES
from tests.conftest import CONTENT, ROOT

CODE = re.compile(r'"(BW\d{3})"')


def test_every_emitted_code_is_registered_and_every_registered_code_emitted() -> None:
    """Each code the source can emit is in the registry, and the registry holds no stale code."""
    sources = [p for p in (ROOT / "src").rglob("*.py") if p.name != "errors.py"]
    emitted = {code for path in sources for code in CODE.findall(path.read_text())}
    assert emitted and emitted == set(CODES)


def test_checks_table_is_the_registry() -> None:
    """docs/checks.md's table is what `make docs` generates from the registry of codes."""
    document = (ROOT / "docs" / "checks.md").read_text()
    assert with_checks_table(document) == document
    documented = re.findall(r"^\| (BW\d{3}) \| (\w+) \|", document, re.M)
    assert documented == [(c.code, c.severity.value) for c in CODES.values()]


def test_import_graph_is_current_acyclic_and_layered() -> None:
    """docs/imports.dot is the graph of the code's imports; no cycle, no arrow up a layer."""
    dot = (ROOT / "docs" / "imports.dot").read_text()
    assert dot == import_graph(ROOT / "pyproject.toml")
    rank = {
        name: level
        for level, layer in enumerate(layers(ROOT / "pyproject.toml"))
        for name in layer
    }
    edges = package_imports()
    assert edges, "the graph has edges"
    for importer, imported in edges:
        assert rank[importer] < rank[imported], f"{importer} -> {imported} goes up a layer"


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in sorted(edges.get(module, ())):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = [stack.pop()]
            while group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_itself_through_others() -> None:
    """The drawing of the modules has no circle: no chain of imports, however long (or
    hidden inside a function), leads from a module back to it."""
    import grimp

    graph = grimp.build_graph("briefwright", cache_dir=None)
    edges = {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    assert len(edges) > 100
    assert _cycles(edges) == []
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_architecture_names_every_module() -> None:
    """docs/architecture.md's table of modules is what `make docs` makes of the code: every
    module of the package, named with its first sentence."""
    package = ROOT / "src" / "briefwright"
    document = (ROOT / "docs" / "architecture.md").read_text()
    assert with_modules_table(document, package) == document
    modules = {p.relative_to(package).as_posix() for p in package.rglob("*.py")}
    named = set(re.findall(r"^\| `([\w/]+\.py)` \|", document, re.M))
    assert modules == named and len(modules) == len(module_summaries(package))
    assert "(empty)" not in dict(module_summaries(package)).get("check/__init__.py", "")


def test_cli_reference_is_current() -> None:
    """docs/cli.md is what `make docs` generates from --help (regenerate it after a change)."""
    from briefwright.cli.docs import cli_reference

    assert (ROOT / "docs" / "cli.md").read_text() == cli_reference()


def test_authoring_guide_runs(tmp_path: Path) -> None:
    """Every `sh` block of docs/authoring.md runs, in order, in a copy of the project."""
    guide = (ROOT / "docs" / "authoring.md").read_text()
    blocks = re.findall(r"```sh\n(.*?)```", guide, re.S)
    assert len(blocks) >= 4
    shutil.copytree(CONTENT, tmp_path / "content")  # the guide ends in `check --strict`, `release`
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    script = "set -euo pipefail\n" + "\n".join(blocks)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    result = subprocess.run(
        ["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "added example-wire-2023-03-22" in result.stdout
    assert "dropped site furniture: top of page" in result.stdout
