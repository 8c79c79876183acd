"""The engine's drawing of a form, for the `forms/model_form.html` partials.

Each tag reads the `form` (a `FormView`) in context; the page's URLs and flags
come from the context too, as the views set them.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString

from scenario_ui.forms.bound import RenderOptions
from scenario_ui.forms.render import FormView
from scenario_ui.forms.sections import live_html, preview_html

register = template.Library()


@register.simple_tag(takes_context=True)
def form_fields(context: Any) -> SafeString:
    """Controls post to the page's `live_url`; `estimate_url`, `uploads_disabled` and
    `submit_refusal` (no submit button, this note instead) are optional."""
    form: FormView = context["form"]
    options = RenderOptions(
        live_url=str(context.get("live_url") or ""),
        estimate_url=str(context.get("estimate_url") or ""),
        model_options_url=reverse("catalog:model_options"),
        picked_model_url=reverse("catalog:picked_model"),
        prompt_spark_url=str(context.get("prompt_spark_url") or ""),
        uploads=not context.get("uploads_disabled"),
        upload_url=str(context.get("upload_url") or ""),
        asset_preview_url=reverse("library:preview"),
        picker_url=reverse("library:picker"),
        submit_refusal=str(context.get("submit_refusal") or ""),
    )
    return form.fields_html(options)


@register.simple_tag(takes_context=True)
def form_preview(context: Any) -> SafeString:
    """The request preview; `oob` swaps it in out of band."""
    return preview_html(context["form"], out_of_band=bool(context.get("oob")))


@register.simple_tag(takes_context=True)
def form_live(context: Any) -> SafeString:
    """The live answer; pages without a preview (`preview_hidden`) get none."""
    return live_html(context["form"], with_preview=not context.get("preview_hidden"))
