"""Turn plain data read from a content file into a model, or pydantic's errors into
diagnostics at the file's positions, each said as the author would fix it."""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import ValidationError

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.model.base import (
    ID_PATTERN,
    LANGUAGE_PATTERN,
    POSITION_KEY,
    URL_PATTERN,
    WEB_ADDRESS_PATTERN,
    Model,
    Position,
)
from briefwright.model.brand import COLOR_PATTERN
from briefwright.model.brief import (
    DOI_PATTERN,
    PREVIOUS_PATTERN,
    PRODUCT_ID_PATTERN,
    VERSION_PATTERN,
)
from briefwright.model.dates import PARTIAL_DATE_PATTERN, impossible_date

M = TypeVar("M", bound=Model)


def validate(data: Any, model: type[M], path: str) -> M:
    """Validate plain data into a model; map each pydantic error to the file position."""
    if data is None:
        raise BriefError(
            [Diagnostic("BW003", "file is empty; fill in its fields", Location(path))]
        )
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise BriefError(_diagnostics(error, data, path, model)) from None


def _diagnostics(
    error: ValidationError, data: Any, path: str, model: type[Model]
) -> Iterator[Diagnostic]:
    items = error.errors(include_url=False)
    failing = {tuple(item["loc"]) for item in items}
    for item in items:
        loc = tuple(item["loc"])
        if item["type"] == "too_short" and any(f[: len(loc)] == loc != f for f in failing):
            continue  # a list emptied only because its items failed: those errors say it
        where = _locate(data, loc) or Location(path)
        yield Diagnostic("BW003", _describe(item, loc, model), where)


def _describe(item: Any, loc: tuple[Any, ...], model: type[Model]) -> str:
    field = ".".join(str(part) for part in loc) or "file"
    kind = item["type"]
    if kind == "missing":
        return f"missing required field '{field}'; add it"
    if kind == "extra_forbidden":
        return _unknown_field(field, loc, model)
    if kind == "string_pattern_mismatch":
        return f"{field}: {_pattern_advice(item['ctx']['pattern'])}"
    if kind.startswith(("date_", "datetime_")):
        return f"{field}: {_date_advice(item['input'])}"
    message = str(item["msg"]).removeprefix("Value error, ")
    return f"{field}: {message}"


def _unknown_field(field: str, loc: tuple[Any, ...], model: type[Model]) -> str:
    """Say a field is unknown, suggesting the nearest field the model at that place has."""
    known = fields_at(model, loc[:-1])
    nearest = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
    hint = f"did you mean `{nearest[0]}`?" if nearest else "remove it or check its spelling"
    return f"unknown field '{field}'; {hint}"


def fields_at(model: type[Model], loc: tuple[Any, ...]) -> list[str]:
    """Return the field names of the model found by following `loc` (names and list
    indices) down from `model`; empty when the path leaves the models."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(str(part)) if _is_model(current) else None
        if field is None:
            return []
        current = next((t for t in _types_in(field.annotation) if _is_model(t)), None)
    return list(current.model_fields) if _is_model(current) else []


def _types_in(annotation: Any) -> Iterator[Any]:
    """Yield the types an annotation is made of (through unions, tuples, Annotated)."""
    yield annotation
    for argument in typing.get_args(annotation):
        yield from _types_in(argument)


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, Model)


#: What a field's pattern asks for, said as a reader would write it.
_PATTERN_ADVICE = {
    ID_PATTERN: "an id uses lower-case letters, digits and hyphens, e.g. `defence-exports`",
    PARTIAL_DATE_PATTERN: "write a date as YYYY-MM-DD (or YYYY-MM, or YYYY), e.g. 2023-03-20",
    COLOR_PATTERN: "write a colour as #rrggbb, e.g. #123a63",
    DOI_PATTERN: "write the DOI itself, not its address, e.g. 10.5281/zenodo.1003150",
    PREVIOUS_PATTERN: (
        "name a release zip inside the project (build/release/BW-2026-001-1.0.zip) or a git "
        "revision (a tag such as v1.0): no spaces, not starting with '-'"
    ),
    PRODUCT_ID_PATTERN: "a product id uses capital letters, digits and hyphens, e.g. BW-2026-001",
    VERSION_PATTERN: 'write a version as two or three numbers, e.g. "1.0" or "1.0.1" (quoted)',
    LANGUAGE_PATTERN: "write a BCP 47 language tag, e.g. en, en-GB or ja",
    URL_PATTERN: (
        "write the folder's full address, with http:// or https:// and ending with /, e.g. "
        "https://briefs.example.org/bw-2026-001/"
    ),
    WEB_ADDRESS_PATTERN: "write a full address, with http:// or https:// and no spaces",
}


def _pattern_advice(pattern: str) -> str:
    fallback = "this value has the wrong form; docs/schemas/ gives each field's form"
    return _PATTERN_ADVICE.get(pattern, fallback)


def _date_advice(value: Any) -> str:
    """Say why a date is refused: a day the calendar lacks, or a form that is not ISO."""
    return impossible_date(str(value)) or "write it as YYYY-MM-DD, e.g. 2023-03-20"


def _locate(data: Any, loc: tuple[Any, ...]) -> Location | None:
    """Return the position of the deepest value along `loc` that the YAML recorded."""
    found: Location | None = None
    for part in loc:
        if isinstance(data, dict):
            position = data.get(POSITION_KEY)
            if isinstance(position, Position):
                found = position.values.get(str(part), position.start)
            if part not in data:
                break
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
            nested = data.get(POSITION_KEY) if isinstance(data, dict) else None
            if isinstance(nested, Position):
                found = nested.start
        else:
            break
    if isinstance(data, dict) and isinstance(data.get(POSITION_KEY), Position) and found is None:
        found = data[POSITION_KEY].start
    return found
