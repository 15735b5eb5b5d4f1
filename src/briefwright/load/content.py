"""Turn the files under content/ into a validated Brief, or raise every problem found.

Layout of a content folder:
    brief.yaml          metadata, bottom line, key judgments, background, implications...
    topics/*.yaml       one topic per file
    timeline.yaml       `events:` list
    actors.yaml         `actors:` list
    glossary.yaml       `terms:` list (optional)
    figures/*.yaml      one figure drawn from cited data each (optional)
    translations/*.yaml the brief in another language each, as `metadata.translations`
                        declares them (model/translation.py)
    sources/*.txt       YAML front matter between `---` lines, then the article verbatim
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from pydantic import ValidationError

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.files import read_regular
from briefwright.load.validation import validate
from briefwright.load.yamlfile import parse_yaml
from briefwright.model.annex import ActorsFile, GlossaryFile, TimelineFile
from briefwright.model.base import POSITION_KEY, Model, Position
from briefwright.model.brand import Brand
from briefwright.model.brief import Brief, Front, Topic
from briefwright.model.figure import Figure
from briefwright.model.series import Series
from briefwright.model.source import Source
from briefwright.model.translation import Translation, TranslationFile
from briefwright.settings import BRIEFS, Project

M = TypeVar("M", bound=Model)
BRAND_FILE = "brand.yaml"
TRANSLATIONS = "translations"


def load_brief(content_dir: Path, brief_dir: Path | None = None) -> Brief:
    """Read and validate every content file; raise one BriefError listing all problems.

    A project of one brief keeps it in `content_dir`; in a series each brief has its folder
    (`brief_dir`, content/briefs/<id>/) and shares the library of sources, the brand and
    the templates: the brief holds only the sources it cites.
    """
    if not content_dir.is_dir():
        raise BriefError(
            [Diagnostic("BW004", "content folder not found; pass --content DIR", _at(content_dir))]
        )
    problems: list[Diagnostic] = []
    root = brief_dir or content_dir
    library = content_dir
    parts: dict[str, Any] = {
        "front": _collect(problems, lambda: _load_model(root / "brief.yaml", Front, root)),
        "topics": _load_all(problems, sorted((root / "topics").glob("*.yaml")), Topic, root),
        "timeline": _load_list(problems, root / "timeline.yaml", TimelineFile, "events", root),
        "actors": _load_list(problems, root / "actors.yaml", ActorsFile, "actors", root),
        "glossary": _load_list(
            problems, root / "glossary.yaml", GlossaryFile, "terms", root, required=False
        ),
        "figures": _load_all(problems, sorted((root / "figures").glob("*.yaml")), Figure, root),
        "sources": _load_library(problems, library),
        "brand": _load_brand(problems, library),
    }
    if parts["front"] is not None:
        languages = tuple(dict.fromkeys(parts["front"].metadata.translations))
        parts["translations"] = _load_translations(problems, root, languages)
    if problems:
        raise BriefError(problems)
    if parts["front"].brand is not None:
        parts["brand"] = parts["front"].brand
    try:
        brief = Brief.model_validate(parts)
    except ValidationError as error:
        raise BriefError(_empty_collections(error, root)) from None
    if brief_dir is None:
        return brief
    return published_in_series(only_cited_sources(brief), content_dir, brief_dir.name)


def load_named_brief(project: Project) -> Brief:
    """Load the brief a project value stands for: its one brief, or the brief of the series
    `project.brief` names; BW005 (a usage error) when a series' brief is not named or names
    none of its briefs, or when a project of one brief is given a name."""
    if project.is_series and project.brief not in project.series():
        briefs = ", ".join(project.series())
        named = f"{project.brief!r} names no brief" if project.brief else "name a brief"
        message = f"{named} of the series with --brief; one of: {briefs}"
        raise BriefError.of("BW005", message, Location(str(project.content / BRIEFS)))
    if project.brief and not project.is_series:
        message = f"{project.brief!r} names no brief: this project is one brief; leave out --brief"
        raise BriefError.of("BW005", message, Location(str(project.content)))
    return load_brief(project.content, project.brief_root if project.brief else None)


def published_in_series(brief: Brief, content_dir: Path, brief_id: str) -> Brief:
    """Return a brief of a series with its address: its own `url`, else the series'
    `base_url` and its folder (a build writes each brief to the folder of its id)."""
    if brief.metadata.url is not None:
        return brief
    return with_address(brief, series_address(content_dir, brief_id))


def series_address(content_dir: Path, folder: str) -> str | None:
    """Return the address of a folder of the series' output, or None without a base_url."""
    series, _ = load_series(content_dir)
    return f"{series.base_url}{quote(folder, safe='')}/" if series.base_url else None


def with_address(brief: Brief, url: str | None) -> Brief:
    """Return the brief published at `url` (none: at no known address)."""
    metadata = brief.metadata.model_copy(update={"url": url})
    return brief.model_copy(
        update={"front": brief.front.model_copy(update={"metadata": metadata})}
    )


def only_cited_sources(brief: Brief) -> Brief:
    """Return a brief of a series holding only the library's sources it cites (a citation
    of a source the library lacks still fails its check, BW102)."""
    cited = {citation.source for _, citation in brief.citations()}
    return brief.model_copy(update={"sources": tuple(s for s in brief.sources if s.id in cited)})


SERIES_FILE = "series.yaml"


def load_series(content_dir: Path) -> tuple[Series, Brand]:
    """Return a series' settings (content/series.yaml; defaults without one) and the
    project's brand; raise one BriefError for every problem."""
    problems: list[Diagnostic] = []
    brand = _load_brand(problems, content_dir)
    path = content_dir / SERIES_FILE
    series = Series(title=brand.series or "Briefs")
    if path.exists() or path.is_symlink():
        series = _collect(problems, lambda: _load_model(path, Series, content_dir)) or series
    if problems:
        raise BriefError(problems)
    return series, brand


def load_library(content_dir: Path) -> tuple[Source, ...]:
    """Read and validate every source of the library; raise one BriefError for all."""
    problems: list[Diagnostic] = []
    sources = _load_library(problems, content_dir)
    if problems:
        raise BriefError(problems)
    return tuple(sources)


def _load_library(problems: list[Diagnostic], content_dir: Path) -> list[Source]:
    paths = sorted((content_dir / "sources").glob("*.txt"))
    return _load_sources(problems, paths, content_dir)


def _collect(problems: list[Diagnostic], load: Any) -> Any:
    try:
        return load()
    except BriefError as error:
        problems.extend(error.diagnostics)
        return None


def _load_all(
    problems: list[Diagnostic], paths: list[Path], model: type[M], root: Path
) -> list[M]:
    loaded = [_collect(problems, lambda p=p: _load_model(p, model, root)) for p in paths]
    return sorted(
        (item for item in loaded if item is not None),
        key=lambda item: (getattr(item, "order", 0), getattr(item, "id", "")),
    )


def _load_list(
    problems: list[Diagnostic],
    path: Path,
    model: type[M],
    field: str,
    root: Path,
    required: bool = True,
) -> tuple[Any, ...]:
    if not required and not path.exists() and not path.is_symlink():
        return ()
    wrapper = _collect(problems, lambda: _load_model(path, model, root))
    return tuple(getattr(wrapper, field)) if wrapper is not None else ()


def translation_path(root: Path, language: str) -> Path:
    """Return where a brief keeps its translation into a language."""
    return root / TRANSLATIONS / f"{language}.yaml"


def _load_translations(
    problems: list[Diagnostic], root: Path, languages: tuple[str, ...]
) -> tuple[Translation, ...]:
    """Return the brief's translation into each language it declares."""
    loaded = (_collect(problems, lambda t=tag: load_translation(root, t)) for tag in languages)
    return tuple(translation for translation in loaded if translation is not None)


def load_translation(root: Path, language: str) -> Translation:
    """Return a brief's translation into a language; one whose file does not exist yet is
    empty (check reports every text it lacks, BW125)."""
    path = translation_path(root, language)
    if not path.exists() and not path.is_symlink():
        return Translation(language=language, path=str(path), exists=False)
    found = _load_model(path, TranslationFile, root)
    translation = Translation(language=language, path=str(path), entries=found.entries)
    translation._position = found._position
    return translation


def _load_brand(problems: list[Diagnostic], root: Path) -> Brand:
    """Return the project's brand.yaml, if there is one (a brief's `brand:` wins over it)."""
    path = root / BRAND_FILE
    if not path.exists() and not path.is_symlink():
        return Brand()
    return _collect(problems, lambda: _load_model(path, Brand, root)) or Brand()


def _load_sources(problems: list[Diagnostic], paths: list[Path], root: Path) -> list[Source]:
    return [s for s in (_collect(problems, lambda p=p: load_source(p, root)) for p in paths) if s]


def _load_model(path: Path, model: type[M], root: Path) -> M:
    loaded = _parse_and_validate(str(path), read_text(path, root), model)
    assert isinstance(loaded, model)
    return loaded


@functools.lru_cache(maxsize=512)
def _parse_and_validate(path: str, text: str, model: type[Model]) -> Model:
    """Parse and validate one file; cached by its text, since models are immutable.

    A live preview reloads the content on every edit; only the edited file is parsed again.
    """
    return validate(parse_yaml(text, path), model, path)


def forget_parsed() -> None:
    """Drop the parsed files kept for a live preview: a series build loads each brief once,
    and would otherwise hold every brief's models (up to 512 files) to its end."""
    _parse_and_validate.cache_clear()


def load_source(path: Path, root: Path | None = None) -> Source:
    """Read a source file: YAML front matter between `---` lines, then the verbatim text.

    `root` is the folder the file must lie in (the content folder; by default its own).
    """
    text = read_text(path, root or path.parent)
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise BriefError([_problem("BW002", "a source file must open with a '---' line", path)])
    closing = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() == "---"), None)
    if closing is None:
        raise BriefError([_problem("BW002", "front matter has no closing '---' line", path)])
    data = parse_yaml("\n".join(lines[1:closing]), str(path), first_line=2)
    if not isinstance(data, dict):
        raise BriefError([_problem("BW003", "front matter must be a mapping of fields", path)])
    data = {**data, "text": "\n".join(lines[closing + 1 :])}
    position: Position = data[POSITION_KEY]
    data[POSITION_KEY] = Position(
        position.start, {**position.values, "text": Location(str(path), closing + 2, 1)}
    )
    return validate(data, Source, str(path))


def read_text(path: Path, root: Path) -> str:
    """Read a UTF-8 content file inside root, refusing what is not a regular file there, an
    oversized or undecodable file, and a NUL byte (at its line and column)."""
    raw = read_regular(path, root)
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        message = f"not valid UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8"
        raise BriefError.of("BW001", message, _at_byte(raw, error.start, path)) from None
    if (nul := raw.find(b"\0")) >= 0:
        message = "a NUL byte (0x00) is not text; delete it, or save the file as UTF-8 text"
        raise BriefError.of("BW001", message, _at_byte(raw, nul, path))
    return text


def _at_byte(raw: bytes, offset: int, path: Path) -> Location:
    """Return the line and column (in characters) of the byte at offset."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Location(str(path), raw.count(b"\n", 0, offset) + 1, column)


def _empty_collections(error: ValidationError, content_dir: Path) -> Iterator[Diagnostic]:
    files = {"topics": "topics", "sources": "sources", "timeline": "timeline.yaml"}
    files |= {"actors": "actors.yaml", "glossary": "glossary.yaml", "front": "brief.yaml"}
    for item in error.errors(include_url=False):
        part = str(item["loc"][0]) if item["loc"] else ""
        where = _at(content_dir / files.get(part, ""))
        message = f"{part}: {item['msg']}"
        if item["type"] == "too_short":
            message = f"no {part} found; add at least one"
        yield Diagnostic("BW003", message, where)


def _problem(code: str, message: str, path: Path) -> Diagnostic:
    return Diagnostic(code, message, _at(path))


def _at(path: Path) -> Location:
    return Location(str(path))
