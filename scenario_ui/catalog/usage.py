"""How a model that cannot run on its own is used: a LoRA or a composition runs on a base
model (the API refuses `POST /generate/custom/<lora>`: "Custom models only are supported
for this endpoint"), a voice through a speech model's voice picker.

A base model here is a catalog `custom` model whose `lorasComponent` takes the model's
type: its LoRA list (`modelInput`) for a LoRA, its `modelIdInput` for a composition or a
single LoRA. The model's `compliantModelIds` are tried first, then the first catalog
page of custom models (definitions are cached, so the page reads each once per TTL).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urlencode

from django.urls import reverse

from scenario_ui.catalog.search import CatalogQuery, search_catalog
from scenario_ui.generate.form_page import load_definition
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.scenario.gateway import ModelFilters
from scenario_ui.schema import ModelArrayInput, ModelDefinition, ModelPickerInput

CUSTOM_TYPE: Final = "custom"
MOST_BASES: Final = 5
CANDIDATES_READ: Final = 20
# The query parameter that opens a base model's form with this model picked.
USE_PARAMETER: Final = "use_model"


@dataclass(frozen=True)
class BaseModel:
    """A model this one runs on, and the link that opens its form with this one picked."""

    id: str
    name: str
    url: str


@dataclass(frozen=True)
class ModelUsage:
    # What the page calls the model: "LoRA", "composition", "voice" or "model".
    noun: str
    model_type: str
    bases: list[BaseModel]

    @property
    def explanation(self) -> str:
        if self.noun == "voice":
            return "A voice does not run on its own: speech models take it in their voice picker."
        if self.noun == "model":
            return (
                f"This model does not run on its own here: models that take {self.model_type} "
                "models use it."
            )
        return (
            f"A {self.noun} does not run on its own: it runs on a base model that takes "
            f"{self.model_type} models."
        )


def usage_of(model: ModelDefinition) -> ModelUsage | None:
    """How a model that is not run directly is used; None for a model that runs itself."""
    if model.type == CUSTOM_TYPE or not model.type:
        return None
    bases: list[BaseModel] = []
    for candidate in _candidates(model):
        if candidate.id != model.id and picker_for(candidate, model.type) is not None:
            query = urlencode({USE_PARAMETER: model.id})
            url = f"{reverse('catalog:model', args=[candidate.id])}?{query}"
            bases.append(BaseModel(candidate.id, candidate.name or candidate.id, url))
        if len(bases) == MOST_BASES:
            break
    return ModelUsage(noun=_noun(model.type), model_type=model.type, bases=bases)


def picker_for(base: ModelDefinition, model_type: str) -> ModelPickerInput | ModelArrayInput | None:
    """The input of `base` that takes models of `model_type`: its LoRA list first."""
    component = base.ui_config.loras_component
    names = [component.model_input, component.model_id_input] if component else []
    names += [spec.name for spec in base.inputs]
    for name in names:
        spec = base.input_named(name) if name else None
        if isinstance(spec, ModelPickerInput | ModelArrayInput) and model_type in (
            spec.model_types or []
        ):
            return spec
    return None


def picked_request(base: ModelDefinition, model: ModelDefinition) -> dict[str, Any] | None:
    """The base's first request with `model` picked (in a LoRA list at scale 1), or None."""
    spec = picker_for(base, model.type)
    if spec is None:
        return None
    request = {one.name: one.default for one in base.inputs if one.default is not None}
    component = base.ui_config.loras_component
    if isinstance(spec, ModelArrayInput):
        request[spec.name] = [model.id]
        if component is not None and component.model_input == spec.name:
            request[component.scale_input] = [1]
    else:
        request[spec.name] = model.id
    return request


@dataclass(frozen=True)
class UsedModel:
    """A model asked to be picked in this form (`?use_model=`): its first request, or why not."""

    model_id: str = ""
    name: str = ""
    request: dict[str, Any] | None = None
    problem: str = ""


def used_model(base: ModelDefinition, model_id: str) -> UsedModel:
    if not model_id:
        return UsedModel()
    try:
        model = load_definition(model_id)
    except ScenarioError as error:
        return UsedModel(model_id, problem=f"Model {model_id} could not be read: {error.message}")
    name = model.name or model.id
    request = picked_request(base, model)
    if request is None:
        return UsedModel(
            model_id, name, problem=f"This model takes no {model.type or 'such'} models."
        )
    return UsedModel(model_id, name, request)


def _candidates(model: ModelDefinition) -> list[ModelDefinition]:
    compliant = model.raw.get("compliantModelIds")
    ids = [i for i in compliant if isinstance(i, str)] if isinstance(compliant, list) else []
    try:
        page = search_catalog(
            CatalogQuery(text="", filters=ModelFilters(type=CUSTOM_TYPE)),
            page_size=CANDIDATES_READ,
        )
        ids += [row.id for row in page.models]
    except ScenarioError:
        pass  # The compliant models alone, then.
    found = []
    for model_id in dict.fromkeys(ids):
        try:
            found.append(load_definition(model_id))
        except ScenarioError:
            continue  # Not a model here (a base name such as "flux.1-dev"), or unreadable.
    return found


def _noun(model_type: str) -> str:
    if model_type.endswith("-composition"):
        return "composition"
    if model_type.endswith("-voice"):
        return "voice"
    if model_type.endswith("-lora"):
        return "LoRA"
    return "model"
