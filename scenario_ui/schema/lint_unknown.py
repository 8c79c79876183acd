"""Fields the schema does not know: often a typo, sometimes a field newer than the reference.

Warnings only, since the API keeps adding fields and forms ignore what they
do not know.
"""

from __future__ import annotations

from difflib import get_close_matches

from pydantic import BaseModel

from scenario_ui.schema.inputs import UnknownInput
from scenario_ui.schema.lint_authoring import misplaced_field_message
from scenario_ui.schema.lint_inputs import LocatedInput, with_article
from scenario_ui.schema.problems import DefinitionProblem, join_pointer
from scenario_ui.schema.rules import RequiredRules
from scenario_ui.schema.ui_config import UiConfig


def input_field_problems(located: LocatedInput) -> list[DefinitionProblem]:
    """Fields an input of its type does not have, and unknown `required` rules."""
    model_input, pointer = located.input, located.pointer
    problems: list[DefinitionProblem] = []
    # An input of unknown type keeps all its fields; which of them it should
    # have is unknowable, and the parser already warns about the type.
    if not isinstance(model_input, UnknownInput):
        on_what = f"on {with_article(model_input.type)} input"
        for key in model_input.model_extra or {}:
            misplaced = misplaced_field_message(key, model_input.type)
            suggestion = _close_match(key, declared_keys(type(model_input)))
            hint = f'; did you mean "{suggestion}"?' if suggestion else ""
            message = misplaced or f'unknown field "{key}" {on_what}{hint}'
            problems.append(_warning(join_pointer(pointer, key), message))
    if model_input.required is not None:
        expected = ", ".join(declared_keys(RequiredRules))
        for key in model_input.required.model_extra or {}:
            problems.append(
                _warning(
                    join_pointer(pointer, "required", key),
                    f'unknown required rule "{key}"; expected one of: {expected}',
                )
            )
    return problems


def ui_config_key_problems(ui_config: UiConfig) -> list[DefinitionProblem]:
    """Unknown keys of `uiConfig` and of its single-object components."""
    problems = _unknown_keys(ui_config, "/uiConfig", "uiConfig key")
    components: list[tuple[str, BaseModel | None]] = [
        ("resolutionComponent", ui_config.resolution_component),
        ("lorasComponent", ui_config.loras_component),
        ("triggerGenerate", ui_config.trigger_generate),
    ]
    for key, component in components:
        if component is not None:
            subject = f"{key} field"
            problems += _unknown_keys(component, join_pointer("/uiConfig", key), subject)
    return problems


def declared_keys(model_class: type[BaseModel]) -> list[str]:
    """The JSON keys `model_class` reads, as the API spells them."""
    return [field.alias or name for name, field in model_class.model_fields.items()]


def _unknown_keys(model: BaseModel, pointer: str, subject: str) -> list[DefinitionProblem]:
    expected = ", ".join(declared_keys(type(model)))
    return [
        _warning(
            join_pointer(pointer, key), f'unknown {subject} "{key}"; expected one of: {expected}'
        )
        for key in model.model_extra or {}
    ]


def _close_match(key: str, candidates: list[str]) -> str | None:
    matches = get_close_matches(key, candidates, n=1, cutoff=0.8)
    return matches[0] if matches else None


def _warning(pointer: str, message: str) -> DefinitionProblem:
    return DefinitionProblem(pointer, message, "warning")
