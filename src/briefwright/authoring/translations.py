"""Turn a brief and a language into what its translation still lacks: a report of the texts
translated, stale and missing (`translate status`), and the missing entries written into the
translation file, each with the text to translate and its fingerprint (`translate stub`).

The stub never changes an entry that is there: it appends (or writes the file when there is
none), and the whole file is parsed again before it replaces the old one, atomically.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.load.content import load_named_brief, load_translation, read_text
from briefwright.load.yamlfile import parse_yaml
from briefwright.model.brief import Brief
from briefwright.model.translation import Translation, fingerprint
from briefwright.settings import Project
from briefwright.translate.status import language_name, translation_problems, wanted_texts
from briefwright.translate.strings import Original

#: Width the stub folds an original's text at, as the content files are written.
WIDTH = 92


@dataclass(frozen=True)
class Status:
    """How far a translation is: its texts, how many are translated and in step, and the
    findings that say what is left (BW125–BW129)."""

    language: str
    path: str
    texts: int
    translated: int
    stale: int
    findings: tuple[Diagnostic, ...]

    def summary(self) -> str:
        """Return one line: `ja (Japanese): 150 of 152 texts translated, 1 stale`."""
        line = f"{self.language} ({language_name(self.language)}): {self.translated} of "
        line += f"{self.texts} texts translated and in step"
        return line + (f", {self.stale} stale" if self.stale else "")


def translation_status(project: Project, languages: tuple[str, ...] = ()) -> list[Status]:
    """Return the status of each translation the brief declares (or of those named)."""
    brief = load_named_brief(project)
    chosen = languages or brief.metadata.translations
    return [_status(brief, _translation(project, brief, lang)) for lang in chosen]


def _status(brief: Brief, translation: Translation) -> Status:
    findings = tuple(translation_problems(brief, translation))
    wanted = {key for key, want in wanted_texts(brief).items() if want.original is not None}
    stale = sum(1 for d in findings if d.code == "BW126")
    undone = {(e.id, e.field) for e in translation.entries if e.text is None}
    given = {(e.id, e.field) for e in translation.entries} - undone
    done = len(wanted & given) - stale
    return Status(translation.language, translation.path, len(wanted), done, stale, findings)


def stub_translation(project: Project, language: str) -> tuple[Path, int]:
    """Append to the translation into `language` an entry for every text it lacks (its
    original, its fingerprint, an empty `text`); return the file and how many were added."""
    brief = load_named_brief(project)
    translation = _translation(project, brief, language)
    if translation.language == brief.metadata.language:
        message = f"the brief is written in {language_name(language)}; choose another language"
        raise BriefError.of("BW005", message, Location(str(project.brief_root / "brief.yaml")))
    given = {(entry.id, entry.field) for entry in translation.entries}
    missing = [want.original for key, want in wanted_texts(brief).items()
               if want.original is not None and key not in given]  # fmt: skip
    path = Path(translation.path)
    if missing:
        _write(path, _stubbed(path, project, translation, missing))
    return path, len(missing)


def _translation(project: Project, brief: Brief, language: str) -> Translation:
    declared = brief.translation(language)
    return declared or load_translation(project.brief_root, language)


def _stubbed(
    path: Path, project: Project, translation: Translation, missing: list[Original]
) -> str:
    """Return the translation file with the missing entries appended (or a new file)."""
    entries = _entries_yaml(missing)
    if translation.exists and translation.entries:
        existing = read_text(path, project.brief_root)
        text = existing + ("" if existing.endswith("\n") else "\n") + entries
    else:
        text = _header(path, project, translation.language) + "entries:\n" + entries
    parsed = parse_yaml(text, str(path))
    if not isinstance(parsed, dict) or not isinstance(parsed.get("entries"), list):
        message = "the file's `entries:` is not its last list; move it to the end, then stub"
        raise BriefError.of("BW003", message, Location(str(path)))
    return text


def _entries_yaml(missing: list[Original]) -> str:
    """Return the entries as YAML list items, indented under `entries:`."""
    items: list[dict[str, Any]] = []
    for original in missing:
        item: dict[str, Any] = {"id": original.id}
        if original.field != "text":
            item["field"] = original.field
        text = original.text if isinstance(original.text, str) else list(original.text)
        item |= {"original": text, "fingerprint": fingerprint(original.text), "text": None}
        items.append(item)
    dumped = yaml.dump(items, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=WIDTH)
    lines = [f"  {line}" if line else line for line in dumped.splitlines()]
    return "\n".join(line.replace("text: null", "text:") for line in lines) + "\n"


class _Dumper(yaml.SafeDumper):
    """YAML as the content files are written: a long text folded (`>-`), lists indented."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = ">" if len(text) > 60 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _text)


def _header(path: Path, project: Project, language: str) -> str:
    """Return a new translation file's opening comment: its schema, and what it holds."""
    schemas = project.content.resolve().parent / "docs" / "schemas"
    relative = os.path.relpath(schemas / "translation.schema.json", path.parent.resolve())
    return (
        f"# yaml-language-server: $schema={relative}\n"
        f"# The brief in {language_name(language)} ({language}). Each entry translates one text,\n"
        "# found by the id of what holds it and its field (`text` unless `field:` says\n"
        "# otherwise). Write `text:` on one line; keep `original` and `fingerprint` as\n"
        "# `briefwright translate stub` wrote them: `check` reports an entry whose original\n"
        "# has changed since (BW126); docs/authoring.md, 'Translations', says more.\n"
    )


def _write(path: Path, text: str) -> None:
    """Replace (or create) the file with text, atomically: a temporary file beside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
