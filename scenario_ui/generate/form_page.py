"""The generation form of a model page at its three moments, for the views to render."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from scenario_ui.forms import initial_values, values_from_json
from scenario_ui.forms.components import reshapes
from scenario_ui.forms.fields import FormData
from scenario_ui.forms.render import FormView, Moment, form_view, posted_form_view
from scenario_ui.forms.uploads import Upload
from scenario_ui.scenario import gateway
from scenario_ui.schema import ModelDefinition, parse_definition


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
    form = posted_form_view(definition, data, moment=Moment.LIVE, base_url=base_url)
    return LiveAnswer(form=form, reshaped=reshapes(data, trigger_name))


def submitted_form(
    definition: ModelDefinition,
    data: FormData,
    *,
    base_url: str,
    uploads: Mapping[str, list[Upload]] | None = None,
) -> FormView:
    """A submit, or (with JavaScript off) a reshaping button: then nothing is submitted."""
    return posted_form_view(
        definition, data, moment=Moment.SUBMIT, base_url=base_url, uploads=uploads
    )
