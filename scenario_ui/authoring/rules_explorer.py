"""When each input is required, in plain words and as a truth table over what its rules read.

The table is computed with the form engine's own evaluator, row by row, so it can
never disagree with the preview; the row matching the preview's values is marked.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scenario_ui.authoring import engine
from scenario_ui.authoring.rule_words import InputIndex, RuleWords, describe_rules, shown_value
from scenario_ui.schema import InputBase, ModelDefinition

# Past this many combinations a table stops helping; the plain words still say it all.
MOST_ROWS = 32
NOT_SET = "not set"
SET = "set"
OTHER = "another value"
# Placeholders the truth table fills in; their exact value never matters, only its type.
SAMPLE_TEXT = {"file": "asset_sample", "model": "model_sample"}


@dataclass(frozen=True)
class Condition:
    """One column of the table: an input a rule reads and the states that matter.

    `samples[i]` is a value in state `states[i]` (None: not set); `options[i]` is the
    value a rule lists for that state, or None for set / another value / not set.
    """

    name: str
    label: str
    states: list[str]
    samples: list[Any]
    options: list[Any]


@dataclass(frozen=True)
class TruthRow:
    states: list[str]
    required: bool
    is_now: bool


@dataclass(frozen=True)
class InputRules:
    name: str
    label: str
    words: RuleWords
    conditions: list[Condition]
    rows: list[TruthRow]
    required_now: bool
    # A rule's own message for the requirement that holds now, if it has one.
    message_now: str = ""
    combinations: int = 0

    @property
    def truncated(self) -> int:
        return max(self.combinations - len(self.rows), 0)


def explore_rules(definition: ModelDefinition, values: Mapping[str, Any]) -> list[InputRules]:
    """Every input of the model, with its rules read against `values` (the preview's)."""
    evaluator = engine.RuleEvaluator(definition)
    inputs = InputIndex(definition)
    explored = []
    for spec in definition.inputs:
        conditions = _conditions(evaluator, inputs, spec)
        rows, combinations = _truth_table(evaluator, spec, conditions, values)
        now = evaluator.requirement(spec, values)
        explored.append(
            InputRules(
                name=spec.name,
                label=inputs.label(spec.name),
                words=describe_rules(inputs, spec),
                conditions=conditions,
                rows=rows,
                required_now=now is not None,
                message_now=(now.message or "") if now is not None else "",
                combinations=combinations,
            )
        )
    return explored


def read_names(spec: InputBase) -> dict[str, list[Any] | None]:
    """The inputs the rules read: name -> the values they list (None: only set or not)."""
    rules = spec.required
    if rules is None:
        return {}
    read: dict[str, list[Any] | None] = {}
    for name in (*rules.if_defined, *rules.if_not_defined):
        read.setdefault(name, None)
    listed = [
        *((name, rule.values) for name, rule in rules.conditional_values.items()),
        *(rules.conditional.values.items() if rules.conditional else ()),
        *rules.when.items(),
    ]
    for name, options in listed:
        known = read.get(name) or []
        read[name] = [*known, *(option for option in options if option not in known)]
    return read


def _conditions(
    evaluator: engine.RuleEvaluator, inputs: InputIndex, spec: InputBase
) -> list[Condition]:
    conditions = []
    for name, options in read_names(spec).items():
        target = inputs.spec(name)
        if options is None:
            states, samples = [SET, NOT_SET], [_sample(target), None]
            listed: list[Any] = [None, None]
        else:
            states = [shown_value(inputs, name, option) for option in options]
            samples = [_typed(evaluator, target, name, option) for option in options]
            listed = list(options)
            other = _other_value(evaluator, target, name, options)
            if other is not None:
                states.append(OTHER)
                samples.append(other)
                listed.append(None)
            states.append(NOT_SET)
            samples.append(None)
            listed.append(None)
        conditions.append(Condition(name, inputs.label(name), states, samples, listed))
    return conditions


def _truth_table(
    evaluator: engine.RuleEvaluator,
    spec: InputBase,
    conditions: list[Condition],
    values: Mapping[str, Any],
) -> tuple[list[TruthRow], int]:
    if not conditions:
        return [], 0
    now = [_state_now(evaluator, condition, values) for condition in conditions]
    combinations = 1
    for condition in conditions:
        combinations *= len(condition.states)
    rows = []
    choices = itertools.product(*(range(len(condition.states)) for condition in conditions))
    for picks in itertools.islice(choices, MOST_ROWS):
        sample = {
            condition.name: condition.samples[pick]
            for condition, pick in zip(conditions, picks, strict=True)
            if condition.samples[pick] is not None
        }
        rows.append(
            TruthRow(
                states=[c.states[pick] for c, pick in zip(conditions, picks, strict=True)],
                required=evaluator.requirement(spec, sample) is not None,
                is_now=list(picks) == now,
            )
        )
    return rows, combinations


def _state_now(
    evaluator: engine.RuleEvaluator, condition: Condition, values: Mapping[str, Any]
) -> int:
    """Which of the condition's states the preview's values are in (-1: none of them)."""
    # The engine keeps only defined values: an input missing here is not set.
    if condition.name not in values:
        return condition.states.index(NOT_SET)
    for index, option in enumerate(condition.options):
        if option is not None and evaluator.is_one_of(condition.name, [option], values):
            return index
    for generic in (SET, OTHER):
        if generic in condition.states:
            return condition.states.index(generic)
    return -1


def _typed(
    evaluator: engine.RuleEvaluator, target: InputBase | None, name: str, option: Any
) -> Any:
    if target is None:
        return option  # an implied mode, compared as written
    wrapped = [option] if target.type.endswith("_array") else option
    typed = evaluator.typed_value(name, wrapped)
    return typed if typed is not None else option


def _sample(target: InputBase | None) -> Any:
    """Some defined value of the input's type: what "set" means in a row."""
    if target is None:
        return SET
    if target.default not in (None, "", []):
        return target.default
    base = target.type.removesuffix("_array")
    allowed = getattr(target, "allowed_values", None)
    if allowed:
        item: Any = allowed[0]
    elif base == "number":
        item = getattr(target, "min", None) or 1
    elif base == "boolean":
        item = True
    elif base == "inputs":
        item = {}
    else:
        item = SAMPLE_TEXT.get(base, "sample")
    return [item] if target.type.endswith("_array") else item


def _other_value(
    evaluator: engine.RuleEvaluator, target: InputBase | None, name: str, options: list[Any]
) -> Any:
    """A defined value that is none of `options`, when the input can hold one."""
    typed = [_typed(evaluator, target, name, option) for option in options]
    allowed = getattr(target, "allowed_values", None)
    candidates: list[Any]
    if target is None:
        candidates = ["another mode"]
    elif target.type == "boolean":
        candidates = [True, False]
    elif allowed:
        candidates = list(allowed)
    elif target.type.startswith("number"):
        numbers = [value for value in typed if isinstance(value, int | float)]
        candidates = [max(numbers, default=0) + 1]
    else:
        candidates = ["something else"]
    for candidate in candidates:
        sample = _typed(evaluator, target, name, candidate)
        if not any(_same(sample, listed) for listed in typed):
            return sample
    return None


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, bool) or isinstance(right, bool):
        return type(left) is type(right) and left == right
    return bool(left == right)
