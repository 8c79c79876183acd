"""Suggestions for model pickers: the user's own and public models of the allowed types."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scenario_ui.catalog.search import CatalogQuery, search_catalog
from scenario_ui.generate.picked_models import PickedModel, picked_models
from scenario_ui.scenario.errors import ScenarioError
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


@dataclass(frozen=True)
class ChosenModel:
    """What a picker shows beside a chosen id: the model, or why it is not usable."""

    model_id: str
    model: PickedModel | None = None
    # The input takes other types: the API would refuse it (named in `allowed_types`).
    refused: bool = False
    allowed_types: tuple[str, ...] = ()
    problem: ScenarioError | None = None


def chosen_model(*, model_id: str, model_types: Sequence[str]) -> ChosenModel:
    """The picked model's name, type and thumbnail (get-bulk), checked against the types."""
    model_id = model_id.strip()
    allowed = tuple(model_types)
    if not model_id:
        return ChosenModel(model_id)
    try:
        model = picked_models([model_id]).get(model_id)
    except ScenarioError as error:
        return ChosenModel(model_id, problem=error)
    refused = model is not None and bool(allowed) and model.type not in allowed
    return ChosenModel(model_id, model, refused=refused, allowed_types=allowed)
