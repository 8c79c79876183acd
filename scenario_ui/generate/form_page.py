"""The generation form of a model page at its three moments, for the views to render."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from scenario_ui.forms import initial_values, values_from_data, values_from_json
from scenario_ui.forms.actions import ACTION
from scenario_ui.forms.components import APPLY_PRESET, RESOLUTION_CHOICE
from scenario_ui.forms.live import SHOWN, parse_shown
from scenario_ui.forms.render import FormView, Moment, form_view
from scenario_ui.forms.uploads import Upload
from scenario_ui.scenario import gateway
from scenario_ui.schema import ModelDefinition, parse_definition

FormData = Mapping[str, list[str]]
# Posted by the controls that change the form's shape: the answer is the whole form.
RESHAPING_KEYS = (ACTION, APPLY_PRESET)


def form_urls(model_id: str) -> dict[str, str]:
    return {
        "live_url": reverse("generate:revalidate", args=[model_id]),
        "submit_url": reverse("generate:submit", args=[model_id]),
        "estimate_url": reverse("generate:estimate", args=[model_id]),
    }


def load_definition(model_id: str) -> ModelDefinition:
    return parse_definition(gateway.retrieve_model(model_id))


def first_form(
    definition: ModelDefinition, *, base_url: str, request_body: Mapping[str, Any] | None = None
) -> FormView:
    """The form as first shown: the defaults, or an earlier request to edit and resubmit."""
    values = (
        initial_values(definition)
        if request_body is None
        else values_from_json(definition, request_body)
    )
    return form_view(definition, values, base_url=base_url)


@dataclass(frozen=True)
class LiveAnswer:
    form: FormView
    # True when the form changed shape and must be re-rendered whole.
    reshaped: bool


def live_form(
    definition: ModelDefinition, data: FormData, *, trigger_name: str | None, base_url: str
) -> LiveAnswer:
    """`trigger_name` is the control that sent the update (htmx's HX-Trigger-Name)."""
    values = values_from_data(definition, data)
    previously_shown = parse_shown((data.get(SHOWN) or [""])[-1])
    reshaped = is_reshape(data) or trigger_name == RESOLUTION_CHOICE
    form = form_view(
        definition,
        values,
        moment=Moment.LIVE,
        previously_shown=previously_shown,
        base_url=base_url,
    )
    return LiveAnswer(form=form, reshaped=reshaped)


def is_reshape(data: FormData) -> bool:
    """Whether a button asked to change the form's shape rather than to submit it."""
    return any(key in data for key in RESHAPING_KEYS)


def submitted_form(
    definition: ModelDefinition,
    data: FormData,
    *,
    base_url: str,
    uploads: Mapping[str, list[Upload]] | None = None,
) -> FormView:
    """A submit, or (with JavaScript off) a reshaping button: then nothing is submitted."""
    values = values_from_data(definition, data, uploads)
    if is_reshape(data):
        previously_shown = parse_shown((data.get(SHOWN) or [""])[-1])
        return form_view(
            definition,
            values,
            moment=Moment.LIVE,
            previously_shown=previously_shown,
            base_url=base_url,
        )
    return form_view(definition, values, moment=Moment.SUBMIT, base_url=base_url)
