"""The wheel's package list: every package of src/ and every data folder of the theme, the
example and the starter project is listed, so none is left out of an install."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.conftest import ROOT


def _listed() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    return set(config["packages"])


def _folders(root: Path, package: str) -> set[str]:
    """Return the dotted names of a folder and its subfolders that hold files to ship."""
    found = set()
    for folder in [root, *sorted(p for p in root.rglob("*") if p.is_dir())]:
        if folder.name == "__pycache__" or not any(f.is_file() for f in folder.iterdir()):
            continue
        relative = folder.relative_to(root).parts
        found.add(".".join((package, *relative)))
    return found


def test_every_package_and_data_folder_is_listed() -> None:
    """A new package under src/briefwright, or a new folder of the theme, the example or
    the starter, must be added to [tool.setuptools] packages or the wheel lacks it."""
    expected = _folders(ROOT / "src" / "briefwright", "briefwright")
    expected |= _folders(ROOT / "templates", "briefwright.theme")
    expected |= _folders(ROOT / "content", "briefwright.example")
    assert expected == _listed()
