"""What a job page shows, gathered in one place for the views."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.shortcuts import get_object_or_404

from scenario_ui.generate.models import Generation
from scenario_ui.generate.tracking import Refresh, ResultAsset, results
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.team.access import jobs_visible_to
from scenario_ui.web.polling import next_poll


@dataclass(frozen=True)
class JobView:
    generation: Generation
    results: list[ResultAsset]
    # Why the latest read failed, if it did; the page keeps polling with back-off.
    problem: ScenarioError | None
    poll_delay: float

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


def job_view(refreshed: Refresh, *, previous_delay: float) -> JobView:
    """`previous_delay` is how long the page waited for this read (it backs off from it)."""
    generation = refreshed.generation
    poll = next_poll(refreshed.error, previous=previous_delay)
    problem = poll.problem
    found: list[ResultAsset] = []
    if generation.status == Generation.Status.SUCCESS:
        try:
            found = results(generation)
        except ScenarioError as error:
            problem = problem or error
    return JobView(generation=generation, results=found, problem=problem, poll_delay=poll.seconds)
