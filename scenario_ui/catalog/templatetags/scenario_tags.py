from __future__ import annotations

import json
from typing import Any

from django import template

from scenario_ui.forms.numbers import format_number

register = template.Library()


@register.filter
def creative_units(value: float) -> str:
    """10.25 -> "10.25", 1.5 -> "1.5", 24.0 -> "24": what a person writes."""
    return format_number(round(float(value), 2))


@register.filter
def pretty_json(value: Any) -> str:
    """Indented JSON for display; the template escapes it."""
    return json.dumps(value, indent=2, ensure_ascii=False)
