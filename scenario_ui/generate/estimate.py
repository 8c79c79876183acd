"""The cost of what the form holds now, asked of Scenario as a dry run."""

from __future__ import annotations

from dataclasses import dataclass

from scenario_ui.forms import evaluate, values_from_data
from scenario_ui.forms.fields import FormData
from scenario_ui.forms.payload import payload_without_uploads
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.scenario.generation import CostEstimate, estimate_cost
from scenario_ui.schema import ModelDefinition


@dataclass(frozen=True)
class EstimateAnswer:
    estimate: CostEstimate | None = None
    # A failed estimate is shown as such; it never blocks submitting.
    error: ScenarioError | None = None


def estimate_form(definition: ModelDefinition, data: FormData) -> EstimateAnswer:
    state = evaluate(definition, values_from_data(definition, data))
    try:
        return EstimateAnswer(estimate=estimate_cost(definition.id, payload_without_uploads(state)))
    except ScenarioError as error:
        return EstimateAnswer(error=error)
