"""The studio's one door into the form engine: the calls the model page and its live
update view make, and the engine's own rule evaluator.

The preview is the model page's form because it is built here by the same entry
points (`first_form`, `live_form`, `submitted_form`) and rendered by the same
templates. Nothing of the engine is re-implemented; when its entry points move,
this module is the only one to change.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse

from scenario_ui.forms import evaluate, initial_values, values_from_data
from scenario_ui.forms.fields import FormData
from scenario_ui.forms.issues import Invalid
from scenario_ui.forms.payload import build_payload, payload_without_uploads, resolve_uploads
from scenario_ui.forms.plan import plan_for
from scenario_ui.forms.render import FormView, Moment, posted_form_view
from scenario_ui.forms.rules import Requirement, holds_one_of, requirement_for
from scenario_ui.forms.uploads import UPLOAD_SUFFIX, Upload
from scenario_ui.generate.form_page import LiveAnswer, first_form, live_form, submitted_form
from scenario_ui.schema import InputBase, ModelDefinition
from scenario_ui.web.live_form import live_response

# What the model page renders: its form, and the request preview beside it.
FORM_PARTIAL = "forms/model_form.html#form"
REQUEST_PREVIEW_PARTIAL = "forms/model_form.html#preview"

__all__ = [
    "FORM_PARTIAL",
    "REQUEST_PREVIEW_PARTIAL",
    "UPLOAD_SUFFIX",
    "FormView",
    "LiveAnswer",
    "Requirement",
    "RuleEvaluator",
    "Upload",
    "cost_body",
    "live_preview",
    "live_preview_response",
    "preview_form",
    "run_body",
    "submitted_preview",
]


def preview_form(
    definition: ModelDefinition, *, base_url: str, data: FormData, touched: Collection[str]
) -> FormView:
    """The form as the model page first shows it; controls the author changed in the
    preview (`touched`) keep their posted values across edits of the definition."""
    if not touched:
        return first_form(definition, base_url=base_url)
    kept: dict[str, list[str]] = {
        name: list(texts) for name, texts in initial_values(definition).raw.items()
    }
    for name in touched:
        kept[name] = list(data.get(name, []))
    return posted_form_view(definition, kept, moment=Moment.FIRST, base_url=base_url)


def live_preview(
    definition: ModelDefinition, data: FormData, *, trigger_name: str | None, base_url: str
) -> LiveAnswer:
    """The model page's answer to a change in its form."""
    return live_form(definition, data, trigger_name=trigger_name, base_url=base_url)


def live_preview_response(
    request: HttpRequest, answer: LiveAnswer, *, context: dict[str, Any]
) -> HttpResponse:
    return live_response(request, answer.form, reshaped=answer.reshaped, context=context)


def submitted_preview(
    definition: ModelDefinition,
    data: FormData,
    *,
    uploads: Mapping[str, list[Upload]],
    base_url: str,
) -> FormView:
    """The form as after pressing its Generate button: every message, and a summary."""
    return submitted_form(definition, data, uploads=uploads, base_url=base_url)


def run_body(form: FormView, files: Mapping[Upload, str]) -> dict[str, Any]:
    """The request body of a valid submitted form, chosen files replaced by `files`."""
    resolve_uploads(form.state, dict(files))
    return build_payload(form.state)


def cost_body(definition: ModelDefinition, data: FormData) -> dict[str, Any]:
    """The body to price, before any file is uploaded (as the model page's estimate)."""
    return payload_without_uploads(evaluate(definition, values_from_data(definition, data)))


class RuleEvaluator:
    """The engine's own `required` evaluator, over the definition's input plug-ins."""

    def __init__(self, definition: ModelDefinition) -> None:
        self.definition = definition
        # As the engine keys them: a repeated name keeps its first input.
        self._inputs = plan_for(definition).field_named

    def requirement(self, spec: InputBase, values: Mapping[str, Any]) -> Requirement | None:
        """Whether the evaluator requires `spec` for `values`, and why."""
        return requirement_for(spec.required, values, self._inputs)

    def is_one_of(self, name: str, options: list[Any], values: Mapping[str, Any]) -> bool:
        """Whether input `name` holds one of `options`, compared as the evaluator compares."""
        return holds_one_of(name, options, values, self._inputs)

    def typed_value(self, name: str, value: Any) -> Any:
        """`value` (as JSON gives it) typed as the engine types input `name`'s values; None
        when it cannot be read as that type."""
        one = self._inputs.get(name)
        if one is None:
            return None
        try:
            return one.to_python(one.to_raw(value))
        except Invalid:
            return None
