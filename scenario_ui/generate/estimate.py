"""The cost of what the form holds now, asked of Scenario as a dry run."""

from __future__ import annotations

from dataclasses import dataclass, field

from scenario_ui.forms import evaluate, values_from_data
from scenario_ui.forms.fields import FormData
from scenario_ui.forms.payload import payload_without_uploads
from scenario_ui.generate.picked_models import picked_model_issues
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.scenario.generation import CostEstimate, estimate_cost
from scenario_ui.schema import ModelDefinition


@dataclass(frozen=True)
class EstimateAnswer:
    estimate: CostEstimate | None = None
    # A failed estimate is shown as such; it never blocks submitting.
    error: ScenarioError | None = None
    # Why the API would refuse the picked models (get-bulk said so): not asked for a price.
    refused: list[str] = field(default_factory=list)


def estimate_form(definition: ModelDefinition, data: FormData) -> EstimateAnswer:
    state = evaluate(definition, values_from_data(definition, data))
    try:
        refused = picked_model_issues(definition, state.values.values)
        if refused:
            messages = [issue.form_message for issues in refused.values() for issue in issues]
            return EstimateAnswer(refused=messages)
        return EstimateAnswer(estimate=estimate_cost(definition.id, payload_without_uploads(state)))
    except ScenarioError as error:
        return EstimateAnswer(error=error)
