"""What "defined" means for the API's rules, and type-aware value equality."""

from __future__ import annotations

from typing import Any


def is_defined(value: Any) -> bool:
    """Not null, not a blank string, not an empty list. `False` and `0` are defined."""
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, list | tuple | dict):
        return len(value) > 0
    return True


def same_value(left: Any, right: Any) -> bool:
    """Equality that never lets a boolean equal a number (Python says True == 1)."""
    if isinstance(left, bool) or isinstance(right, bool):
        return isinstance(left, bool) and isinstance(right, bool) and left == right
    return bool(left == right)
