"""The form engine: a parsed definition in, a live form and a request body out.

No I/O here: views, commands and the sandbox feed it data and render its output.
One plug-in per input type (`fields/`) and per uiConfig component
(`components/`); `render.form_view` / `render.posted_form_view` give the form of
a definition with its values, which `forms/model_form.html` draws.
"""

from __future__ import annotations

from scenario_ui.forms.payload import InvalidForm, build_payload, preview_payload
from scenario_ui.forms.validation import FormState, evaluate
from scenario_ui.forms.values import FormValues, initial_values, values_from_data, values_from_json

__all__ = [
    "FormState",
    "FormValues",
    "InvalidForm",
    "build_payload",
    "evaluate",
    "initial_values",
    "preview_payload",
    "values_from_data",
    "values_from_json",
]
