"""What a job page shows, gathered in one place for the views: our record only.

A background worker (`generate.following`) keeps the record fresh; nothing here
calls Scenario for a status (output labels come from the model's cached definition).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.shortcuts import get_object_or_404

from scenario_ui.generate.form_page import load_definition
from scenario_ui.generate.models import Generation
from scenario_ui.generate.tracking import ResultAsset, results
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.team.access import jobs_visible_to
from scenario_ui.worker.heartbeat import WorkerState, worker_state

# Polls read one row: brisk costs little.
POLL_SECONDS = 2

DEFAULT_OUTPUT_LABEL = "Output"


@dataclass(frozen=True)
class LabelledOutput:
    label: str
    text: str


@dataclass(frozen=True)
class JobView:
    generation: Generation
    results: list[ResultAsset]
    worker: WorkerState
    # Why the user's last action (a cancel) failed, if it did.
    problem: ScenarioError | None = None
    poll_delay: int = POLL_SECONDS
    # Output name -> label, from the model's `uiConfig.outputProperties`.
    output_labels: Mapping[str, str] = field(default_factory=dict)

    @property
    def outputs(self) -> list[LabelledOutput]:
        """The job's non-asset outputs (`metadata.output`, e.g. an LLM's `text`), labelled."""
        output = self.generation.output
        if not isinstance(output, dict):
            return []
        return [
            LabelledOutput(self.output_labels.get(name, DEFAULT_OUTPUT_LABEL), str(text))
            for name, text in output.items()
            if isinstance(text, str | int | float) and str(text)
        ]

    @property
    def progress_percent(self) -> int:
        if self.generation.status == Generation.Status.SUCCESS:
            return 100
        return round(self.generation.progress * 100)

    @property
    def checked_at(self) -> datetime | None:
        """When Scenario last told us the status: a worker's read, else the submission's
        own answer (with webhooks, nothing is read until Scenario reports a change)."""
        generation = self.generation
        return generation.checked_at or (generation.updated_at if generation.job_id else None)

    @property
    def worker_missing(self) -> bool:
        """Only a job still to be followed suffers from a silent worker."""
        return self.generation.is_running and self.worker.is_stale

    @property
    def is_settled(self) -> bool:
        """Finished with its results read: nothing will change any more."""
        generation = self.generation
        waiting_for_results = bool(generation.asset_ids) and not generation.results
        return generation.is_finished and not (
            generation.status == Generation.Status.SUCCESS and waiting_for_results
        )

    @property
    def version(self) -> str:
        """Changes whenever what the status fragment shows changes."""
        stamp = self.generation.updated_at.timestamp()
        return f"job-{self.generation.pk}-{stamp}-{self.worker_missing}"


def own_generation(user: User, pk: int) -> Generation:
    """The user's generation (any one, for a lead); 404 for anyone else's."""
    return get_object_or_404(Generation.objects.filter(jobs_visible_to(user)), pk=pk)


def earlier_request(user: User, pk_text: str) -> dict[str, Any] | None:
    """The request body of one of the user's generations (anyone's, for a lead), to edit and
    resubmit."""
    if not pk_text.isascii() or not pk_text.isdigit():
        return None
    generation = Generation.objects.filter(jobs_visible_to(user), pk=int(pk_text)).first()
    return dict(generation.request_body) if generation is not None else None


def job_view(generation: Generation, *, problem: ScenarioError | None = None) -> JobView:
    return JobView(
        generation=generation,
        results=results(generation),
        worker=worker_state(),
        problem=problem,
        output_labels=_output_labels(generation),
    )


def _output_labels(generation: Generation) -> dict[str, str]:
    """Read only for a job with outputs to label; labels are a courtesy, so a failed read of
    the (cached) definition leaves the plain "Output" heading rather than an error."""
    if not generation.output or generation.status != Generation.Status.SUCCESS:
        return {}
    try:
        properties = load_definition(generation.model_id).ui_config.output_properties
    except ScenarioError:
        return {}
    return {name: one.label for name, one in properties.items()}
