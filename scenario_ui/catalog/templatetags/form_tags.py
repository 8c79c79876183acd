"""`{% form_fields %}`: the inputs and components of the `form` in context, drawn by the engine."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString

from scenario_ui.forms.bound import RenderOptions
from scenario_ui.forms.render import FormView

register = template.Library()


@register.simple_tag(takes_context=True)
def form_fields(context: Any) -> SafeString:
    """Controls post to the page's `live_url`; `estimate_url`, `uploads_disabled` are optional."""
    form: FormView = context["form"]
    options = RenderOptions(
        live_url=str(context.get("live_url") or ""),
        estimate_url=str(context.get("estimate_url") or ""),
        model_options_url=reverse("catalog:model_options"),
        uploads=not context.get("uploads_disabled"),
    )
    return form.fields_html(options)
