"""The pydantic base shared by every schema model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class SchemaModel(BaseModel):
    """camelCase JSON in, snake_case attributes out.

    Unknown fields are kept (`model_extra`) rather than rejected: the API adds
    fields faster than its reference documents them, and the linter reports
    them instead of the parser failing on them.

    Validation is strict: `"min": "5"` is a mistake in the definition, and
    quietly coercing it would hide the mistake from the linter.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True, strict=True, frozen=True)
