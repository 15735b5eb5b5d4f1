"""Give every content model its base: frozen, strict, and aware of where it was written.

The loader hands each YAML mapping's position to the model under POSITION_KEY; the model
keeps it privately, so a check can later point at `file:line:column`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PrivateAttr, StringConstraints, model_validator

from briefwright.errors import Location

#: The key under which the loader hands each mapping's position to the models.
POSITION_KEY = "__position__"

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
ID_MAX_LENGTH = 80
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH)]
#: The id rule said as a reader would write it, for messages about an id given elsewhere
#: (a folder's name, a command-line option).
ID_RULE = f"lower-case letters, digits and hyphens, at most {ID_MAX_LENGTH} characters"
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
#: A web address (http or https), and a folder's: one ending with `/`.
WEB_ADDRESS_PATTERN = r"^https?://[^\s<>\"']+$"
URL_PATTERN = r"^https?://[^\s<>\"']+/$"
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN)]
#: A BCP 47 language tag as the content writes one: `en`, `en-GB`, `ja`.
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"
LanguageTag = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]


def id_problem(text: str) -> str | None:
    """Return why text is not an id, as content ids are checked; None when it is one."""
    if not re.fullmatch(ID_PATTERN, text):
        return f"an id uses {ID_RULE}"
    if len(text) > ID_MAX_LENGTH:
        return f"an id has at most {ID_MAX_LENGTH} characters, this one has {len(text)}"
    return None


@dataclass(frozen=True)
class Position:
    """Where a mapping, and each of its values, starts in a content file."""

    start: Location
    values: dict[str, Location] = field(default_factory=dict)


class Model(BaseModel):
    """A frozen content model that remembers where it was written."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    _position: Position | None = PrivateAttr(default=None)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_position(cls, data: Any, handler: Any) -> Any:
        position = None
        if isinstance(data, dict) and POSITION_KEY in data:
            data = dict(data)
            position = data.pop(POSITION_KEY)
        model = handler(data)
        if position is not None:
            model._position = position
        return model

    def where(self, field: str | None = None) -> Location | None:
        """Return where this model (or one of its fields) was written, if known."""
        if self._position is None:
            return None
        if field is not None and field in self._position.values:
            return self._position.values[field]
        return self._position.start
