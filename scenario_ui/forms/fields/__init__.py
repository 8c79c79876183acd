"""Input plug-ins: one class per input type (see `base.Field`), one registry."""

from __future__ import annotations

from scenario_ui.forms.bound import RawData
from scenario_ui.forms.fields.base import Field, FormData
from scenario_ui.forms.fields.registry import field_for

__all__ = ["Field", "FormData", "RawData", "field_for"]
