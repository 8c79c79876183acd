"""Suggestions for model pickers: the user's own and public models of the allowed types."""

from __future__ import annotations

from collections.abc import Sequence

from scenario_ui.catalog.search import CatalogQuery, search_catalog
from scenario_ui.scenario.gateway import ModelFilters, Privacy
from scenario_ui.schema import ModelDefinition

MOST_OPTIONS = 20
PRIVACIES: tuple[Privacy, ...] = ("private", "public")


def model_options(*, text: str, model_types: Sequence[str]) -> list[ModelDefinition]:
    """Models whose name contains `text`, own models first, at most MOST_OPTIONS."""
    found: dict[str, ModelDefinition] = {}
    for privacy in PRIVACIES:
        for model_type in model_types or [""]:
            filters = ModelFilters(privacy=privacy, type=model_type)
            query = CatalogQuery(text=text, filters=filters)
            for model in search_catalog(query, page_size=MOST_OPTIONS).models:
                found.setdefault(model.id, model)
    return list(found.values())[:MOST_OPTIONS]
