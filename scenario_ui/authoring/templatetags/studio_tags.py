from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from scenario_ui.authoring.rules_html import rules_panel as draw_rules_panel

register = template.Library()


@register.simple_tag(takes_context=True)
def rules_panel(context: Any) -> SafeString:
    """The rules explorer; `oob` swaps it in out of band."""
    return draw_rules_panel(
        context.get("rules"),
        context.get("optional_labels") or [],
        out_of_band=bool(context.get("oob")),
    )
