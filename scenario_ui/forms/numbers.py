"""Number formatting and arithmetic shared by validation, widgets and the resolution picker."""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

Number = int | float


def format_number(value: Number) -> str:
    """`2` not `2.0`, `0.05` not `0.05000000001`: numbers as a person writes them."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def parse_number(text: str) -> Number:
    """Parse what a person typed; whole numbers come back as int. Raises ValueError."""
    cleaned = text.strip()
    if cleaned.lower() in {"nan", "inf", "-inf", "infinity", "-infinity", "+inf"}:
        raise ValueError(text)
    try:
        return int(cleaned)
    except ValueError:
        value = float(cleaned)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def is_whole(value: Number | None) -> bool:
    return value is None or float(value).is_integer()


def on_step(value: Number, step: Number, origin: Number) -> bool:
    """Whether `value` sits on the grid origin + k * step (decimal, so 0.3 on 0.1 holds)."""
    if type(value) is int and type(step) is int and type(origin) is int and step:
        return (value - origin) % step == 0
    try:
        offset = (Decimal(str(value)) - Decimal(str(origin))) / Decimal(str(step))
    except (InvalidOperation, ZeroDivisionError):
        return True
    return offset == offset.to_integral_value()


def snap(value: Number, *, step: Number | None, low: Number | None, high: Number | None) -> Number:
    """The nearest allowed value: on the step grid (from `low`), within bounds."""
    result: Number = value
    if step:
        origin = Decimal(str(low if low is not None else 0))
        size = Decimal(str(step))
        steps = round((Decimal(str(value)) - origin) / size)
        if high is not None:
            # The last grid point within bounds: `high` itself may be off the grid.
            steps = min(steps, math.floor((Decimal(str(high)) - origin) / size))
        if low is not None:
            steps = max(steps, 0)
        result = float(origin + steps * size)
    if low is not None:
        result = max(result, low)
    if high is not None:
        result = min(result, high)
    return int(result) if float(result).is_integer() else result
