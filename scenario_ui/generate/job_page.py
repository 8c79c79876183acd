"""What a job page shows, gathered in one place for the views."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.shortcuts import get_object_or_404

from scenario_ui.generate.form_page import load_definition
from scenario_ui.generate.models import Generation
from scenario_ui.generate.tracking import Refresh, ResultAsset, results
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.team.access import jobs_visible_to
from scenario_ui.web.polling import next_poll

DEFAULT_OUTPUT_LABEL = "Output"


@dataclass(frozen=True)
class LabelledOutput:
    label: str
    text: str


@dataclass(frozen=True)
class JobView:
    generation: Generation
    results: list[ResultAsset]
    # Why the latest read failed, if it did; the page keeps polling with back-off.
    problem: ScenarioError | None
    poll_delay: float
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
    return JobView(
        generation=generation,
        results=found,
        problem=problem,
        poll_delay=poll.seconds,
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
