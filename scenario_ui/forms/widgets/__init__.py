"""How inputs are drawn: `Widget` and the helpers every plug-in's controls share."""

from __future__ import annotations

from scenario_ui.forms.widgets.base import Option, Widget

__all__ = ["Option", "Widget"]
