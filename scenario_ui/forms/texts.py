"""Values as a form posts them: the text of a JSON value."""

from __future__ import annotations

import json
from typing import Any

from scenario_ui.forms.numbers import format_number


def as_text(value: Any) -> str:
    """`true`, `2`, `0.5`, a string as is; anything else as JSON."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return format_number(value)
    if isinstance(value, str):
        return value
    return json.dumps(value)
