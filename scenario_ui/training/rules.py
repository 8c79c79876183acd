"""What the input format cannot say about training parameters, checked on form values.

Cross-field rules of the reference (validationFrequency at most maxTrainSteps,
as many sample images as sample prompts) and the single-field limits the
format has no field for (an exclusive minimum, an ISO 639-1 code). Ranges and
lengths the format can say are in the parameter data instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeGuard

from scenario_ui.forms import FormState, FormValues, evaluate
from scenario_ui.forms.issues import Issue
from scenario_ui.forms.numbers import format_number
from scenario_ui.schema import ModelDefinition
from scenario_ui.training.parameters_common import POSITIVE_PARAMETERS


def cross_field_issues(values: Mapping[str, Any]) -> list[Issue]:
    """Issues on parameters that are well-formed alone but not as the trainer takes them.

    Only defined values are checked: a rule on a missing value is the trainer's
    default's business, not the form's.
    """
    issues: list[Issue] = []
    issues += _validation_frequency_issues(values)
    issues += _sample_images_issues(values)
    issues += _positive_issues(values)
    issues += _language_issues(values)
    return issues


def evaluate_training(definition: ModelDefinition, values: FormValues) -> FormState:
    """`evaluate`, plus the cross-field issues, so the page and the payload see them all.

    An input that already has an issue of its own gets no cross-field one:
    one complaint at a time, the more basic first.
    """
    state = evaluate(definition, values)
    for issue in cross_field_issues(values.values):
        if issue.input_name not in state.issues:
            state.issues[issue.input_name] = [issue]
    return state


def _validation_frequency_issues(values: Mapping[str, Any]) -> list[Issue]:
    frequency = values.get("validationFrequency")
    max_steps = values.get("maxTrainSteps")
    if _is_number(frequency) and _is_number(max_steps) and frequency > max_steps:
        phrase = f"must be at most maxTrainSteps ({format_number(max_steps)})"
        return [Issue("validationFrequency", phrase)]
    return []


def _sample_images_issues(values: Mapping[str, Any]) -> list[Issue]:
    # Sample images are optional; given, there must be one per sample prompt.
    images = values.get("sampleSourceImages") or []
    prompts = values.get("samplePrompts") or []
    if images and len(images) != len(prompts):
        phrase = f"must have as many items as samplePrompts ({len(prompts)})"
        return [Issue("sampleSourceImages", phrase)]
    return []


def _positive_issues(values: Mapping[str, Any]) -> list[Issue]:
    return [
        Issue(name, "must be greater than 0")
        for name in sorted(POSITIVE_PARAMETERS)
        if _is_number(values.get(name)) and values[name] <= 0
    ]


def _language_issues(values: Mapping[str, Any]) -> list[Issue]:
    language = values.get("language")
    if isinstance(language, str) and not (
        len(language) == 2 and language.isascii() and language.isalpha()
    ):
        return [Issue("language", "must be a two-letter ISO 639-1 code, such as en")]
    return []


def _is_number(value: object) -> TypeGuard[int | float]:
    # bool is an int subclass, but a checkbox is never a number.
    return isinstance(value, int | float) and not isinstance(value, bool)
