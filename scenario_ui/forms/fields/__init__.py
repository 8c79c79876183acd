from __future__ import annotations

from scenario_ui.forms.fields.base import Field, FormData, RawData
from scenario_ui.forms.fields.registry import field_for

__all__ = ["Field", "FormData", "RawData", "field_for"]
