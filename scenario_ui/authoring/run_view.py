"""What a test run's panel shows: the run brought up to date, and its outputs."""

from __future__ import annotations

from dataclasses import dataclass

from scenario_ui.authoring import test_runs
from scenario_ui.authoring.models import DraftTestRun
from scenario_ui.generate.tracking import ResultAsset
from scenario_ui.scenario.errors import ScenarioError


@dataclass(frozen=True)
class RunView:
    run: DraftTestRun
    results: list[ResultAsset]
    # Why the latest read failed, if it did; the panel keeps polling.
    problem: ScenarioError | None

    @property
    def progress_percent(self) -> int:
        if self.run.status == DraftTestRun.Status.SUCCESS:
            return 100
        return round(self.run.progress * 100)


def run_view(run: DraftTestRun) -> RunView:
    problem = test_runs.refresh_run(run)
    try:
        results = test_runs.run_results(run)
    except ScenarioError as error:
        return RunView(run, [], problem or error)
    return RunView(run, results, problem)
