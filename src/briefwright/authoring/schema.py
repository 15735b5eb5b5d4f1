"""Turn the content models into JSON Schemas, one per kind of content file, for editors; and
the records briefwright writes for tools into theirs: content.json and `diff --format json`.

The schemas come from the pydantic models, field descriptions from their attribute
docstrings, so they cannot drift from what `check` accepts or what briefwright writes.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from briefwright.compare.changes import Changes
from briefwright.compare.record import ContentRecord
from briefwright.model.brand import Brand
from briefwright.model.brief import ActorsFile, Front, GlossaryFile, TimelineFile, Topic
from briefwright.model.figure import Figure
from briefwright.model.review import ReviewFile
from briefwright.model.series import Series
from briefwright.model.source import Source
from briefwright.model.translation import TranslationFile

#: Schema file name → (model, what files it describes).
KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "brief.schema.json": (Front, "content/brief.yaml"),
    "topic.schema.json": (Topic, "content/topics/*.yaml"),
    "timeline.schema.json": (TimelineFile, "content/timeline.yaml"),
    "actors.schema.json": (ActorsFile, "content/actors.yaml"),
    "glossary.schema.json": (GlossaryFile, "content/glossary.yaml"),
    "source.schema.json": (Source, "the front matter of content/sources/*.txt"),
    "brand.schema.json": (Brand, "content/brand.yaml (or a brief's `brand:` block)"),
    "figure.schema.json": (Figure, "content/figures/*.yaml"),
    "series.schema.json": (Series, "content/series.yaml (a project of several briefs)"),
    "translation.schema.json": (TranslationFile, "content/translations/<language>.yaml"),
}
#: Schema file name → (model, what it describes): what briefwright writes for tools.
RECORDS: dict[str, tuple[type[BaseModel], str]] = {
    "content.schema.json": (
        ContentRecord,
        "content.json in a build and a release: the brief as data",
    ),
    "diff.schema.json": (Changes, "what `briefwright diff --format json` prints"),
    "review.schema.json": (
        ReviewFile,
        "review.yaml beside content/ (`review import --write`) and what `review import "
        "--format json` prints",
    ),
}


def content_schemas() -> dict[str, bytes]:
    """Return every content file schema's name and bytes (stable: sorted keys, trailing
    newline)."""
    return {name: _dump(_schema(model, files)) for name, (model, files) in KINDS.items()}


def all_schemas() -> dict[str, bytes]:
    """Return the content files' schemas and those of the records briefwright writes."""
    records = {name: _dump(_schema(model, what)) for name, (model, what) in RECORDS.items()}
    return content_schemas() | records


def _schema(model: type[BaseModel], files: str) -> dict[str, Any]:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["description"] = f"{schema.get('description', '')} Describes {files}.".strip()
    if model is Source:  # the article text is the body after the front matter, not a field
        schema["properties"].pop("text")
        schema["required"] = [name for name in schema["required"] if name != "text"]
    return schema


def _dump(schema: dict[str, Any]) -> bytes:
    return (json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
