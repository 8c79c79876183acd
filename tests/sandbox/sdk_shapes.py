"""Checks an answer against the SDK's response type, which the SDK itself never validates."""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel


def shape_problems(
    sdk_type: type[BaseModel], document: Mapping[str, Any], path: str = ""
) -> list[str]:
    """Required fields that are missing and literal fields holding a value not allowed."""
    problems = []
    for name, field in sdk_type.model_fields.items():
        key = field.alias or name
        if key not in document:
            if field.is_required():
                problems.append(f"{path}{key} is missing")
            continue
        value = document[key]
        allowed = _literal_values(field.annotation)
        nested = _model_in(field.annotation)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if allowed and item is not None and item not in allowed:
                problems.append(f"{path}{key}: {item!r} is not allowed")
            if nested is not None and isinstance(item, dict):
                where = f"{path}{key}[{index}]." if isinstance(value, list) else f"{path}{key}."
                problems += shape_problems(nested, item, where)
    return problems


def _arguments(annotation: Any) -> tuple[Any, ...]:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) in (
        typing.Union,
        list,
    ):
        return typing.get_args(annotation)
    return ()


def _literal_values(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)
    for argument in _arguments(annotation):
        if typing.get_origin(argument) is typing.Literal:
            return typing.get_args(argument)
    return ()


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in _arguments(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None
