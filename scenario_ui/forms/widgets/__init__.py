from __future__ import annotations

from scenario_ui.forms.widgets.base import Widget
from scenario_ui.forms.widgets.registry import widget_for

__all__ = ["Widget", "widget_for"]
