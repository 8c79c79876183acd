"""What a job page shows, gathered in one place for the views: our record only.

A background worker (`generate.following`) keeps the record fresh; nothing here
calls Scenario.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.shortcuts import get_object_or_404

from scenario_ui.generate.models import Generation
from scenario_ui.generate.tracking import ResultAsset, results
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.worker.heartbeat import WorkerState, worker_state

# Polls read one row: brisk costs little.
POLL_SECONDS = 2


@dataclass(frozen=True)
class JobView:
    generation: Generation
    results: list[ResultAsset]
    worker: WorkerState
    # Why the user's last action (a cancel) failed, if it did.
    problem: ScenarioError | None = None
    poll_delay: int = POLL_SECONDS

    @property
    def text_output(self) -> str:
        output = self.generation.output
        text = output.get("text") if isinstance(output, dict) else None
        return str(text) if text else ""

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
    return get_object_or_404(Generation, pk=pk, user=user)


def earlier_request(user: User, pk_text: str) -> dict[str, Any] | None:
    """The request body of one of the user's generations, to edit and resubmit."""
    if not pk_text.isascii() or not pk_text.isdigit():
        return None
    generation = Generation.objects.filter(pk=int(pk_text), user=user).first()
    return dict(generation.request_body) if generation is not None else None


def job_view(generation: Generation, *, problem: ScenarioError | None = None) -> JobView:
    return JobView(
        generation=generation,
        results=results(generation),
        worker=worker_state(),
        problem=problem,
    )
