""" "Improve prompt" on a `promptSpark` input: ask Prompt Spark, offer its answer.

The suggestion is only offered: what was typed stays in the field until the person
chooses "Use this prompt" (static/js/model-form.js copies it in).
"""

from __future__ import annotations

from dataclasses import dataclass

from scenario_ui.forms.bound import html_id_for
from scenario_ui.forms.fields import FormData
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.scenario.prompts import improve_prompt
from scenario_ui.schema import ModelDefinition, StringInput

# The posted field naming which input's prompt to improve (the button's own name).
SPARK_FIELD = "__spark"


@dataclass(frozen=True)
class Suggestion:
    field_id: str
    text: str


@dataclass(frozen=True)
class NoSuggestion:
    field_id: str
    message: str


def suggest_prompt(*, definition: ModelDefinition, data: FormData) -> Suggestion | NoSuggestion:
    name = (data.get(SPARK_FIELD) or [""])[-1]
    spec = next((one for one in definition.inputs if one.name == name), None)
    field_id = html_id_for(name)
    if not isinstance(spec, StringInput) or not spec.prompt_spark:
        return NoSuggestion(field_id, "This input has no prompt help.")
    typed = (data.get(name) or [""])[-1].strip()
    if not typed:
        return NoSuggestion(field_id, "Type a prompt first, then ask to improve it.")
    try:
        text = improve_prompt(model_id=definition.id, prompt=typed)
    except ScenarioError as error:
        return NoSuggestion(field_id, f"{error.title}: {error.message}")
    return Suggestion(field_id, text)
