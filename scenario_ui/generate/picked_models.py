"""The models a form picked (`model` / `model_array` inputs), checked with get-bulk first.

A generation or estimate naming a model that does not exist, or one of a type the
input does not take (a composition in a LoRA list), is refused by the API; asking
`POST /models/get-bulk` once for every picked id lets the form say so at the input
in the API's own words, before anything is sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from scenario_ui.forms import evaluate
from scenario_ui.forms.issues import Issue
from scenario_ui.forms.validation import FormState
from scenario_ui.forms.values import FormValues
from scenario_ui.scenario import gateway
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.schema import ModelArrayInput, ModelDefinition, ModelPickerInput


@dataclass(frozen=True)
class PickedModel:
    id: str
    name: str
    type: str
    thumbnail: str


def evaluate_with_picked_models(definition: ModelDefinition, values: FormValues) -> FormState:
    """`evaluate`, then (for a form otherwise valid) the picked models' existence and types.

    When get-bulk itself fails, the models are left for the API to judge: the check
    only spares a refusal, it never blocks a request the API might accept.
    """
    state = evaluate(definition, values)
    if state.is_valid:
        with suppress(ScenarioError):
            state.issues.update(picked_model_issues(definition, state.values.values))
    return state


def picked_model_issues(
    definition: ModelDefinition, values: Mapping[str, Any]
) -> dict[str, list[Issue]]:
    """Input name -> why its picked models would be refused; one get-bulk call at most."""
    picked = _picked_ids(definition, values)
    if not picked:
        return {}
    known = picked_models(sorted({i for ids in picked.values() for i in ids}))
    issues = {}
    for spec in definition.inputs:
        issue = _issue(spec, picked.get(spec.name, []), known)
        if issue is not None:
            issues[spec.name] = [issue]
    return issues


def picked_models(model_ids: list[str]) -> dict[str, PickedModel]:
    """What get-bulk says about these ids (unknown ones are absent)."""
    found = {}
    for row in gateway.get_bulk(model_ids):
        model_id = row.get("id")
        if isinstance(model_id, str):
            found[model_id] = PickedModel(
                id=model_id,
                name=str(row.get("name") or model_id),
                type=str(row.get("type") or ""),
                thumbnail=_thumbnail(row),
            )
    return found


def _picked_ids(definition: ModelDefinition, values: Mapping[str, Any]) -> dict[str, list[str]]:
    picked = {}
    for spec in definition.inputs:
        if isinstance(spec, ModelPickerInput | ModelArrayInput) and spec.name in values:
            value = values[spec.name]
            items = value if isinstance(value, list) else [value]
            ids = [item for item in items if isinstance(item, str) and item]
            if ids:
                picked[spec.name] = ids
    return picked


def _issue(spec: Any, ids: list[str], known: Mapping[str, PickedModel]) -> Issue | None:
    for model_id in ids:
        if model_id not in known:
            return Issue(spec.name, "names no model", custom_message=f"Model {model_id} not found")
    allowed = getattr(spec, "model_types", None) or []
    refused = list(dict.fromkeys(i for i in ids if allowed and known[i].type not in allowed))
    if not refused:
        return None
    # The API's wording, every refused model of the input named.
    return Issue(
        spec.name,
        "names models of another type",
        custom_message=(
            f"Invalid model(s): {', '.join(refused)}.\nAllowed model types: {', '.join(allowed)}"
        ),
    )


def _thumbnail(row: Mapping[str, Any]) -> str:
    thumbnail = row.get("thumbnail")
    url = thumbnail.get("url") if isinstance(thumbnail, dict) else None
    return url if isinstance(url, str) and url.startswith(("https://", "http://", "/")) else ""
