"""The generation form of a model page at its three moments, for the views to render.

A definition is parsed once per model and version, in this process, and the
form as first shown (the model's defaults) is built and drawn once per
definition: a page view or a live update then costs a cache read of the
version, not a fetch, a parse and a render.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse_lazy

from scenario_ui.forms import initial_values, values_from_json
from scenario_ui.forms.components import reshapes
from scenario_ui.forms.fields import FormData
from scenario_ui.forms.render import FormView, Moment, form_view, posted_form_view
from scenario_ui.forms.uploads import Upload
from scenario_ui.generate.picked_models import evaluate_with_picked_models
from scenario_ui.scenario import gateway
from scenario_ui.schema import ModelDefinition, parse_definition
from scenario_ui.web.attempts import token_context
from scenario_ui.web.memo import Recent

# Parsed definitions kept per process (a few hundred KB each at most).
DEFINITIONS_KEPT = 64
FORM_PARTIAL = "forms/model_form.html#form"

_definitions: Recent[tuple[str, str], ModelDefinition] = Recent(DEFINITIONS_KEPT)
# The untouched first form, by model, version and the API base URL its preview shows.
_default_forms: Recent[tuple[str, str, str], FormView] = Recent(DEFINITIONS_KEPT)


def form_urls(model_id: str) -> dict[str, object]:
    """Where the form posts; reversed only if drawn (a live answer draws none of them)."""
    return {
        "live_url": reverse_lazy("generate:revalidate", args=[model_id]),
        "submit_url": reverse_lazy("generate:submit", args=[model_id]),
        "estimate_url": reverse_lazy("generate:estimate", args=[model_id]),
        "upload_url": reverse_lazy("library:upload", args=[model_id]),
        "prompt_spark_url": reverse_lazy("generate:prompt_spark", args=[model_id]),
    }


@dataclass(frozen=True)
class LoadedDefinition:
    definition: ModelDefinition
    version: str


def load(model_id: str) -> LoadedDefinition:
    """The model's definition, parsed once per version (`gateway.record_version`)."""
    version = gateway.model_version(model_id)
    if version is not None:
        known = _definitions.get((model_id, version))
        if known is not None:
            return LoadedDefinition(known, version)
    record = gateway.retrieve_model(model_id)
    version = gateway.record_version(record)
    definition = _definitions.get_or_make((model_id, version), lambda: parse_definition(record))
    return LoadedDefinition(definition, version)


def load_definition(model_id: str) -> ModelDefinition:
    return load(model_id).definition


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


def default_form(loaded: LoadedDefinition, *, base_url: str) -> FormView:
    """The untouched first form, built (and drawn, see `FormView.fields_html`) once."""
    definition = loaded.definition
    return _default_forms.get_or_make(
        (definition.id, loaded.version, base_url),
        lambda: first_form(definition, base_url=base_url),
    )


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
        definition,
        data,
        moment=Moment.SUBMIT,
        base_url=base_url,
        uploads=uploads,
        evaluator=evaluate_with_picked_models,
    )


def render_model_form(
    definition: ModelDefinition,
    *,
    data: FormData | None = None,
    moment: Moment = Moment.LIVE,
    urls: Mapping[str, object],
    base_url: str = "",
    token: str = "",
) -> str:
    """This definition's form as the model page draws it, first shown or with posted `data`.

    The one entry point for showing a definition's form outside the model page
    (a studio's live preview of a draft): `urls` gives `live_url`, `submit_url`
    and `estimate_url` (empty for none); `moment` says which messages posted data
    shows; no CSRF token is drawn without a request.
    """
    form = (
        first_form(definition, base_url=base_url)
        if data is None
        else posted_form_view(definition, data, moment=moment, base_url=base_url)
    )
    return render_to_string(FORM_PARTIAL, {"form": form, **token_context(token), **urls})
