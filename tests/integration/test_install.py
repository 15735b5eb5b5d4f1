"""Install once, use anywhere: the wheel built from this repository, installed into a fresh
virtual environment outside it, starts a project (`init`), builds it once the analyst has
filled the placeholders, and builds the example exactly as this repository does.

The wheel is built offline (`--no-build-isolation`); the fresh environment gets briefwright
only from the wheel, and its dependencies from this one through a path file (no download).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pikepdf
import pytest
import yaml

from briefwright.pipeline.outcome import Built
from tests.conftest import FIXTURES, ROOT

EPOCH = "1795910400"  # 29 November 2026, the day `init` dates the brief
#: What the wheel is built from: the repository as git holds it, without build output.
SOURCES = ("pyproject.toml", "setup.cfg", "README.md", "src", "templates", "content")


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a fresh virtual environment (outside the repository) with the wheel in it."""
    root = tmp_path_factory.mktemp("install")
    copy = root / "repository"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".setuptools-build")
    copy.mkdir()
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=ignore)
        else:
            shutil.copy(source, copy / name)
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(root / "dist"), str(copy))  # fmt: skip
    (wheel,) = (root / "dist").glob("briefwright-*.whl")
    env = root / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", str(env))
    purelib = Path(sysconfig.get_path("purelib", vars={"base": str(env), "platbase": str(env)}))
    (purelib / "_briefwright_test_dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n"
    )
    _run(sys.executable, "-m", "pip", "--python", str(env / "bin" / "python"), "install",
         "--no-deps", "-q", str(wheel))  # fmt: skip
    return env


def _run(*args: str, cwd: Path | None = None) -> str:
    environ = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(args, cwd=cwd, env=environ, capture_output=True, text=True,
                            timeout=600)  # fmt: skip
    assert result.returncode == 0, f"{args}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _fill(content: Path) -> None:
    """Write the fixture's values over init's placeholders, line by line, and add the
    fixture's source and logo."""
    fixture = FIXTURES / "filled-init"
    for file, old, new in yaml.safe_load((fixture / "fill.yaml").read_text()):
        path = content / file
        lines = path.read_text().split("\n")
        lines[lines.index(old)] = new
        path.write_text("\n".join(lines))
    shutil.copytree(fixture / "sources", content / "sources", dirs_exist_ok=True)
    shutil.copytree(fixture / "brand", content / "brand")


def test_the_wheel_runs_from_its_own_environment(venv: Path) -> None:
    """briefwright comes from the fresh environment's site-packages, theme and all."""
    where = _run(str(venv / "bin" / "python"), "-c",
                 "import briefwright, briefwright.theme; print(briefwright.__file__); "
                 "print(briefwright.theme.__path__[0])")  # fmt: skip
    package, theme = where.split()
    assert package.startswith(str(venv)) and theme.startswith(str(venv))
    assert (Path(theme) / "assets" / "fonts" / "NotoSansCJKjp-Bold-JIS.ttf").is_file()


def test_init_fill_build(venv: Path, tmp_path: Path) -> None:
    """init, fill the placeholders, check strictly, build: a PDF with its outline, the
    brand's logo and colour, the one-pager and the HTML, with no templates/ folder."""
    briefwright = str(venv / "bin" / "briefwright")
    _run(briefwright, "init", "arctic", "--title", "Arctic shipping lanes",
         "--organisation", "Nordic Policy Lab", cwd=tmp_path)  # fmt: skip
    project = tmp_path / "arctic"
    _fill(project / "content")
    for path in (project / "content").rglob("*.yaml"):  # every placeholder was a fill's
        values = [line for line in path.read_text().splitlines()
                  if not line.lstrip().startswith("#")]  # fmt: skip
        assert not [line for line in values if "REPLACE" in line or "replace-with-" in line]
    _run(briefwright, "check", "--strict", cwd=project)
    _run(briefwright, "build", "-q", cwd=project)
    out = project / "build"
    assert not (project / "templates").exists()
    with pikepdf.open(out / "brief.pdf") as pdf:
        # The annex is in the HTML edition (annex: html): cover and decision material, the
        # discussion, the notes.
        assert len(pdf.pages) == 3
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
        assert "Arctic shipping lanes" in titles[0] or "Arctic shipping lanes" in titles
        images = list(pdf.pages[0].get_images().values())
        assert [(int(i.Width), int(i.Height)) for i in images] == [(120, 40)]  # the logo
    content = subprocess.run(
        ["qpdf", "--qdf", "--object-streams=disable", str(out / "brief.pdf"), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode("latin-1")
    assert "0.043137 0.360784 0.290196 rg" in content  # #0b5c4a, the brand's primary
    with pikepdf.open(out / "onepagers" / "first-topic.pdf") as onepager:
        assert len(onepager.pages) == 1
    html = (out / "brief.html").read_text()
    assert '<img class="logo" src="assets/brand/logo.png" alt="Nordic Policy Lab">' in html
    assert "NORDIC POLICY BRIEFS" in html.upper()
    assert "--accent:#0b5c4a;" in (out / "assets" / "brand.css").read_text()  # minified
    fonts = sorted(p.suffix for p in (out / "assets" / "fonts").iterdir())
    assert ".ttf" not in fonts and ".otf" not in fonts and ".woff2" in fonts


def test_init_example_builds_the_repository_brief(
    venv: Path, tmp_path: Path, built: Built
) -> None:
    """init --example, built from the installed package, gives this repository's brief and
    one-pagers byte for byte (same epoch)."""
    briefwright = str(venv / "bin" / "briefwright")
    _run(briefwright, "init", "example", "--example", cwd=tmp_path)
    environ = {**os.environ, "SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"]}
    result = subprocess.run([briefwright, "build", "-q"], cwd=tmp_path / "example", env=environ,
                            capture_output=True, text=True, timeout=600)  # fmt: skip
    assert result.returncode == 0, result.stderr
    ours, theirs = built.out_dir, tmp_path / "example" / "build"
    for name in ("brief.pdf", "brief.html", "onepagers/co-development.pdf"):
        assert (theirs / name).read_bytes() == (ours / name).read_bytes(), name
