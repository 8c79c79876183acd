"""The catalog's query-string filters, validated like any other user input."""

from __future__ import annotations

from django import forms
from django.http import QueryDict

from scenario_ui.catalog.search import CatalogQuery
from scenario_ui.scenario import gateway
from scenario_ui.scenario.vocabulary import CAPABILITIES, MODEL_STATUSES, MODEL_TYPES

PRIVACY_CHOICES = [("public", "Public models"), ("private", "My models")]


def _choices(values: tuple[str, ...], any_label: str) -> list[tuple[str, str]]:
    return [("", any_label), *((value, value) for value in values)]


class CatalogFilterForm(forms.Form):
    q = forms.CharField(
        label="Search by name",
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "e.g. Flux", "autocomplete": "off"}
        ),
    )
    privacy = forms.ChoiceField(label="Privacy", choices=PRIVACY_CHOICES, required=False)
    type = forms.ChoiceField(
        label="Type", choices=_choices(MODEL_TYPES, "Any type"), required=False
    )
    capability = forms.ChoiceField(
        label="Capability", choices=_choices(CAPABILITIES, "Any capability"), required=False
    )
    status = forms.ChoiceField(
        label="Status", choices=_choices(MODEL_STATUSES, "Any status"), required=False
    )

    def to_query(self) -> CatalogQuery:
        """The query for valid input; invalid fields fall back to 'any' (errors stay shown)."""
        self.is_valid()  # Fills cleaned_data with the fields that are valid.
        valid = {
            name: self.cleaned_data.get(name) or ""
            for name in self.fields
            if name not in self.errors
        }
        return CatalogQuery(
            text=valid.get("q", ""),
            filters=gateway.ModelFilters(
                privacy="private" if valid.get("privacy") == "private" else "public",
                type=valid.get("type", ""),
                capability=valid.get("capability", ""),
                status=valid.get("status", ""),
            ),
        )


def next_page_query(current: QueryDict, next_cursor: str | None) -> str:
    """The current filters with the cursor moved on, as a query string."""
    query = current.copy()
    query.pop("cursor", None)
    if next_cursor:
        query["cursor"] = next_cursor
    return query.urlencode()
