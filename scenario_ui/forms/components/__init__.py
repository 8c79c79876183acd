"""uiConfig component plug-ins: one class per component (see `base.Component`), one registry."""

from __future__ import annotations

from scenario_ui.forms.components.base import Component
from scenario_ui.forms.components.registry import COMPONENT_CLASSES, components_for, reshapes

__all__ = ["COMPONENT_CLASSES", "Component", "components_for", "reshapes"]
