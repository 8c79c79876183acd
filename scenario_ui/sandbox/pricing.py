"""What a sandbox generation costs, in creative units (CU): made up, but deterministic.

The real API prices each model its own way; the sandbox applies one formula to the inputs
a model marks `costImpact: true`, so a form's cost estimate reacts to the same fields:

    per output   = 4 (base) + the sum of what each cost-impacting input adds
    generation   = per output * outputs          ("custom-generation" in costDetails)
    quality gate = 1.75 * outputs                ("quality-gate")
    total        = generation + quality gate     (creativeUnitsCost)

`outputs` is the `numOutputs` input when it is cost-impacting (a positive number, rounded
up), else 1. What each other input adds, from the value sent (or the input's default):

- a number named `duration`: 1 per second; a non-positive sentinel ("Auto") counts as the
  shortest positive allowed value;
- a number with `allowedValues`, a string with `allowedValues` (a quality, a resolution):
  2 per position in the list, so the first value adds nothing;
- a number with `min` and `max`: up to 4, in proportion to where it sits in the range,
  rounded to a quarter;
- a string without allowed values: 1 per started 1000 characters (a text to speak);
- a list (LoRAs, reference images, context lines): 1 per item;
- a file or a model: 1; a boolean: 1 when true.

Like the real dry run, pricing validates nothing: a value the rule cannot read (a word for a
number, a value outside `allowedValues`) falls back to the input's default, and adds nothing
when that cannot be read either. Every amount is rounded to 2 decimals.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, TypeGuard

from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.schema import (
    BooleanInput,
    InputBase,
    ModelDefinition,
    NumberInput,
    StringInput,
)

BASE_COST: Final = 4.0
QUALITY_GATE_PER_OUTPUT: Final = 1.75
COST_PER_ALLOWED_VALUE_POSITION: Final = 2.0
MAX_RANGE_COST: Final = 4.0
CHARACTERS_PER_CREDIT: Final = 1000
OUTPUTS_INPUT: Final = "numOutputs"
DURATION_INPUT: Final = "duration"


# Reads what one value adds to the price; None when the value cannot be read.
type Rule[T] = Callable[[InputBase, Any], T | None]


@dataclass(frozen=True)
class Cost:
    generation: float
    quality_gate: float

    @property
    def total(self) -> float:
        return round(self.generation + self.quality_gate, 2)

    def as_json(self) -> JsonObject:
        """The dry run's answer; the submission's answer adds the job to it."""
        return {
            "creativeUnitsCost": self.total,
            "creativeUnitsDiscount": 0,
            "costDetails": {
                "custom-generation": self.generation,
                "quality-gate": self.quality_gate,
            },
        }


def price(definition: ModelDefinition, body: Mapping[str, Any]) -> Cost:
    per_output = BASE_COST
    outputs = 1
    for spec in definition.inputs:
        if not spec.cost_impact:
            continue
        if spec.name == OUTPUTS_INPUT and isinstance(spec, NumberInput):
            outputs = _first_readable(spec, body, _output_count) or 1
        else:
            per_output += _first_readable(spec, body, _added_cost) or 0.0
    return Cost(
        generation=round(per_output * outputs, 2),
        quality_gate=round(QUALITY_GATE_PER_OUTPUT * outputs, 2),
    )


def _first_readable[T](spec: InputBase, body: Mapping[str, Any], rule: Rule[T]) -> T | None:
    """The rule applied to the value sent, else to the input's default."""
    for value in (body.get(spec.name), spec.default):
        if value is not None:
            reading = rule(spec, value)
            if reading is not None:
                return reading
    return None


def _output_count(spec: InputBase, value: Any) -> int | None:
    if _is_number(value) and value > 0:
        return math.ceil(value)
    return None


def _added_cost(spec: InputBase, value: Any) -> float | None:
    if isinstance(spec, NumberInput):
        return _number_cost(spec, value)
    if isinstance(spec, StringInput):
        if not isinstance(value, str):
            return None
        if spec.allowed_values:
            return _position_cost(spec.allowed_values, value)
        return float(math.ceil(len(value) / CHARACTERS_PER_CREDIT))
    if isinstance(spec, BooleanInput):
        return float(value) if isinstance(value, bool) else None
    if isinstance(value, list):
        return float(len(value))
    if spec.type in ("file", "model"):
        return 1.0 if isinstance(value, str) and value else None
    return None


def _number_cost(spec: NumberInput, value: Any) -> float | None:
    if not _is_number(value):
        return None
    allowed = spec.allowed_values
    if spec.name == DURATION_INPUT:
        if value > 0:
            return float(value)
        positive = [option for option in allowed or [] if option > 0]
        return float(min(positive)) if positive else None
    if allowed:
        return _position_cost(allowed, value)
    if spec.min is not None and spec.max is not None and spec.max > spec.min:
        share = min(max((value - spec.min) / (spec.max - spec.min), 0.0), 1.0)
        return round(share * MAX_RANGE_COST * 4) / 4
    return None


def _position_cost(allowed: list[Any], value: Any) -> float | None:
    for position, option in enumerate(allowed):
        if option == value and isinstance(option, bool) == isinstance(value, bool):
            return position * COST_PER_ALLOWED_VALUE_POSITION
    return None


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)
