"""The one-per-form token that makes a double click or a re-posted form submit once."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

TOKEN = "__token"


def new_token() -> str:
    return str(uuid.uuid4())


def posted_token(data: Mapping[str, list[str]]) -> str:
    """The form's token; a missing or forged one gets a fresh token, so nothing matches it."""
    try:
        return str(uuid.UUID((data.get(TOKEN) or [""])[-1]))
    except ValueError:
        return new_token()
