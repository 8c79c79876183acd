"""One registry: the uiConfig components, in the order their posted controls apply.

The size picker applies before a preset (a preset may set the size again), and
LoRA rows are aligned last. Adding a component adds its class here.
"""

from __future__ import annotations

from scenario_ui.forms.actions import ACTION
from scenario_ui.forms.components.base import Component, Fields
from scenario_ui.forms.components.loras import Loras
from scenario_ui.forms.components.presets import Presets
from scenario_ui.forms.components.resolution import Resolution
from scenario_ui.forms.components.trigger import Trigger
from scenario_ui.forms.fields import FormData
from scenario_ui.schema import ModelDefinition

COMPONENT_CLASSES: tuple[type[Component], ...] = (Resolution, Presets, Loras, Trigger)
RESHAPING_KEYS = (ACTION, *(key for cls in COMPONENT_CLASSES for key in cls.reshaping_keys))
RESHAPING_TRIGGERS = tuple(name for cls in COMPONENT_CLASSES for name in cls.reshaping_triggers)


def components_for(definition: ModelDefinition, fields: Fields) -> list[Component]:
    return [component for cls in COMPONENT_CLASSES for component in cls.of(definition, fields)]


def reshapes(data: FormData, trigger_name: str | None = None) -> bool:
    """Whether a control asked to change the form's shape rather than to submit it.

    Row buttons and preset pickers post their own key; the size picker is known by
    the name htmx reports for it (`trigger_name`, HX-Trigger-Name).
    """
    return any(key in data for key in RESHAPING_KEYS) or trigger_name in RESHAPING_TRIGGERS
