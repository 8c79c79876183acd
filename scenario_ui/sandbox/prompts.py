"""What a request asks for, in words: its main prompt and its main parameters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from scenario_ui.schema import ModelDefinition

MAX_PARAMETERS: Final = 6
MAX_PARAMETER_TEXT: Final = 24


def main_prompt(definition: ModelDefinition, body: Mapping[str, Any]) -> str:
    """The first input marked `prompt: true` that holds text (the negative prompt comes after)."""
    for spec in definition.inputs:
        value = body.get(spec.name)
        if getattr(spec, "prompt", False) and isinstance(value, str) and value.strip():
            return value.strip()
    fallback = body.get("prompt")
    return fallback.strip() if isinstance(fallback, str) else ""


def main_parameters(definition: ModelDefinition, body: Mapping[str, Any]) -> list[str]:
    """`name: value` for the first few short, non-prompt values, in definition order."""
    lines = []
    for spec in definition.inputs:
        value = body.get(spec.name)
        if getattr(spec, "prompt", False) or not _is_short_scalar(value):
            continue
        text = str(value).lower() if isinstance(value, bool) else str(value)
        lines.append(f"{spec.name}: {text}")
    return lines[:MAX_PARAMETERS]


def _is_short_scalar(value: Any) -> bool:
    if isinstance(value, bool | int | float):
        return True
    return isinstance(value, str) and 0 < len(value) <= MAX_PARAMETER_TEXT
