"""Two definitions compared: inputs added, removed and changed field by field, rules in
plain words, uiConfig and other fields by path, and the text line by line."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from scenario_ui.authoring.rule_words import InputIndex, describe_rules
from scenario_ui.schema import ModelDefinition, parse_definition
from scenario_ui.schema.problems import join_pointer

# Deeper than this, a changed value is shown whole rather than walked into.
DEEPEST_PATH = 12
CONTEXT_LINES = 3


@dataclass(frozen=True)
class FieldChange:
    """One value that differs; `before`/`after` are JSON text, "" when absent."""

    path: str
    before: str
    after: str

    @property
    def kind(self) -> str:
        if not self.before:
            return "added"
        return "removed" if not self.after else "changed"


@dataclass(frozen=True)
class InputChange:
    name: str
    kind: Literal["added", "removed", "changed"]
    fields: list[FieldChange] = field(default_factory=list)
    # The plain-words rule before and after, when the `required` rules changed.
    rule_before: str = ""
    rule_after: str = ""


@dataclass(frozen=True)
class StructuralDiff:
    inputs: list[InputChange]
    order_before: list[str]
    order_after: list[str]
    ui_config: list[FieldChange]
    other: list[FieldChange]

    @property
    def reordered(self) -> bool:
        kept = set(self.order_before) & set(self.order_after)
        return [n for n in self.order_before if n in kept] != [
            n for n in self.order_after if n in kept
        ]

    @property
    def rule_changes(self) -> list[InputChange]:
        return [change for change in self.inputs if change.rule_before != change.rule_after]

    @property
    def is_empty(self) -> bool:
        return not (self.inputs or self.ui_config or self.other or self.reordered)


@dataclass(frozen=True)
class DiffLine:
    kind: Literal["same", "added", "removed", "gap"]
    text: str
    before_number: int | None = None
    after_number: int | None = None


def structural_diff(before: Any, after: Any) -> StructuralDiff:
    """`before` and `after` are parsed JSON: a model record or a bare model object."""
    old, new = _model_of(before), _model_of(after)
    old_definition, new_definition = parse_definition(before), parse_definition(after)
    old_inputs, new_inputs = _inputs_by_name(old), _inputs_by_name(new)
    changes: list[InputChange] = []
    for name, spec in new_inputs.items():
        if name not in old_inputs:
            changes.append(InputChange(name, "added", rule_after=_rule(new_definition, name)))
            continue
        fields = list(_changes(old_inputs[name], spec, ""))
        if fields:
            changes.append(
                InputChange(
                    name,
                    "changed",
                    fields,
                    _rule(old_definition, name),
                    _rule(new_definition, name),
                )
            )
    changes += [
        InputChange(name, "removed", rule_before=_rule(old_definition, name))
        for name in old_inputs
        if name not in new_inputs
    ]
    ui_before, ui_after = old.get("uiConfig", {}), new.get("uiConfig", {})
    rest_before = {k: v for k, v in old.items() if k not in ("inputs", "uiConfig")}
    rest_after = {k: v for k, v in new.items() if k not in ("inputs", "uiConfig")}
    return StructuralDiff(
        inputs=changes,
        order_before=list(old_inputs),
        order_after=list(new_inputs),
        ui_config=list(_changes(ui_before, ui_after, "/uiConfig")),
        other=list(_changes(rest_before, rest_after, "")),
    )


def text_diff(before: str, after: str) -> list[DiffLine]:
    """Changed lines with a little context, numbered on both sides; `gap` marks skipped runs."""
    old, new = before.splitlines(), after.splitlines()
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for group in matcher.get_grouped_opcodes(CONTEXT_LINES):
        if lines:
            lines.append(DiffLine("gap", "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [
                    DiffLine("same", old[i], i + 1, j1 + offset + 1)
                    for offset, i in enumerate(range(i1, i2))
                ]
                continue
            lines += [DiffLine("removed", old[i], before_number=i + 1) for i in range(i1, i2)]
            lines += [DiffLine("added", new[j], after_number=j + 1) for j in range(j1, j2)]
    return lines


def _model_of(document: Any) -> dict[str, Any]:
    if isinstance(document, dict) and isinstance(document.get("model"), dict):
        return dict(document["model"])
    return dict(document) if isinstance(document, dict) else {}


def _inputs_by_name(model: dict[str, Any]) -> dict[str, Any]:
    inputs = model.get("inputs")
    found: dict[str, Any] = {}
    for item in inputs if isinstance(inputs, list) else []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            # A repeated name is the linter's to report; the first one is compared.
            found.setdefault(item["name"], item)
    return found


def _rule(definition: ModelDefinition, name: str) -> str:
    inputs = InputIndex(definition)
    spec = inputs.spec(name)
    return describe_rules(inputs, spec).summary if spec is not None else ""


def _changes(before: Any, after: Any, path: str, depth: int = 0) -> Iterator[FieldChange]:
    if _same_json(before, after):
        return
    if isinstance(before, dict) and isinstance(after, dict) and depth < DEEPEST_PATH:
        for key in [*before, *(key for key in after if key not in before)]:
            yield from _changes(
                before.get(key, _ABSENT),
                after.get(key, _ABSENT),
                join_pointer(path, key),
                depth + 1,
            )
        return
    yield FieldChange(path or "/", _shown(before), _shown(after))


class _Absent:
    """A key one side lacks (unlike null, which is a value)."""


_ABSENT = _Absent()


def _shown(value: Any) -> str:
    if isinstance(value, _Absent):
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def _same_json(before: Any, after: Any) -> bool:
    # Python says 1 == True and 1 == 1.0; JSON text does not, so compare as JSON.
    if isinstance(before, _Absent) or isinstance(after, _Absent):
        return isinstance(before, _Absent) and isinstance(after, _Absent)
    return _shown(before) == _shown(after)
