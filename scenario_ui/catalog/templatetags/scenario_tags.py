from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django import template
from django.utils import timezone

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


@register.filter
def seconds_ago(moment: datetime | None) -> str:
    """How long ago a worker read a status, in the words the page ticks forward."""
    if moment is None:
        return ""
    seconds = max(0, round((timezone.now() - moment).total_seconds()))
    if seconds < 60:
        return f"{seconds} s ago"
    minutes = seconds // 60
    return f"{minutes} min ago" if minutes < 60 else f"{minutes // 60} h ago"
