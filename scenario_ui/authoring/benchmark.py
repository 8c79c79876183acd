"""`manage.py bench_studio`: server time of the studio's answer to an edit, in-process.

One edit of a 200-input definition costs: reading the text (JSON, schema, linter,
positions), the preview form built and rendered by the engine as the model page does,
the rules explorer, and the templates of the answer. No HTTP and no database.

The machine is shared and noisy, so each round times the studio's answer and what the
model page pays for a new definition version (parse, plan, first form, HTML) back to
back: their ratio holds when the absolute figures move. What the studio adds is the
difference.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.template.loader import render_to_string

from scenario_ui.authoring import studio
from scenario_ui.authoring.findings import read_draft
from scenario_ui.authoring.models import Draft
from scenario_ui.benchmarks.generated import INPUT_COUNT, generated_definition
from scenario_ui.benchmarks.measure import side_by_side_ms
from scenario_ui.benchmarks.server import first_view

ANSWER_TEMPLATE = "authoring/_definition_answer.html"


@dataclass(frozen=True)
class StudioFigures:
    inputs: int
    update_ms_p50: float
    model_page_first_view_ms_p50: float
    read_ms_p50: float
    answer_bytes: int

    @property
    def ratio(self) -> float:
        return self.update_ms_p50 / self.model_page_first_view_ms_p50

    def lines(self) -> list[str]:
        return [
            f"studio_inputs {self.inputs}",
            f"studio_update_ms_p50 {self.update_ms_p50:.2f}",
            f"studio_model_page_first_view_ms_p50 {self.model_page_first_view_ms_p50:.2f}",
            f"studio_update_to_first_view_ratio {self.ratio:.2f}",
            f"studio_read_ms_p50 {self.read_ms_p50:.2f}",
            f"studio_answer_bytes {self.answer_bytes}",
        ]


def run_studio_bench(runs: int) -> StudioFigures:
    text = json.dumps(generated_definition(), indent=2)
    # Unsaved: the answer needs its id for URLs, never a database row.
    draft = Draft(title="Bench", text=text)
    edited = _edited(text)
    record = json.loads(edited)
    medians = side_by_side_ms(
        {
            "update": lambda: answer(draft, edited),
            "model_page": lambda: first_view(record),
            "read": lambda: read_draft(edited),
        },
        runs,
    )
    return StudioFigures(
        inputs=INPUT_COUNT,
        update_ms_p50=medians["update"],
        model_page_first_view_ms_p50=medians["model_page"],
        read_ms_p50=medians["read"],
        answer_bytes=len(answer(draft, edited).encode()),
    )


def answer(draft: Draft, text: str) -> str:
    """What `views.definition_changed` renders for an edit, but the draft's save."""
    state = studio.studio_state(draft, text, base_url="")
    context = {
        "draft": draft,
        "can_edit": True,
        "state": state,
        "oob": True,
        **studio.rules_context(state.preview.rules if state.preview else None),
        **studio.form_context(draft),
    }
    return render_to_string(ANSWER_TEMPLATE, context)


def _edited(text: str) -> str:
    # A typical keystroke: one label changed (the answer is the same size either way).
    return text.replace('"label": "Prompt"', '"label": "Prompt text"', 1)
