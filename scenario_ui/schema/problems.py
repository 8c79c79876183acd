"""Problems found while reading a model definition, located by JSON pointer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class DefinitionProblem:
    """One thing wrong with a definition.

    `pointer` is an RFC 6901 JSON pointer relative to the model object (not the
    `{"model": ...}` record), so it can be shown next to the raw JSON as is.
    """

    pointer: str
    message: str
    severity: Severity


def escape_pointer_token(token: str | int) -> str:
    # RFC 6901: "~" must be escaped before "/" or "~1" would be read back as "/".
    return str(token).replace("~", "~0").replace("/", "~1")


def join_pointer(base: str, *tokens: str | int) -> str:
    return base + "".join(f"/{escape_pointer_token(token)}" for token in tokens)
