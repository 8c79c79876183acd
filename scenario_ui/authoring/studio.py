"""What the studio shows for a draft's text: findings, the live form and its rules.

The views call one function each; templates render what these return.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.text import slugify

from scenario_ui.authoring import engine
from scenario_ui.authoring.findings import DraftReading, read_draft
from scenario_ui.authoring.json_text import JsonText, JsonTextError
from scenario_ui.authoring.models import Draft
from scenario_ui.authoring.rule_words import OPTIONAL
from scenario_ui.authoring.rules_explorer import InputRules, explore_rules
from scenario_ui.forms.fields import FormData
from scenario_ui.schema import ModelDefinition, parse_definition

# Hidden fields of the studio, posted with the preview form (they are outside it).
DEFINITION_FIELD = "__definition"
TOUCHED_FIELD = "__touched"
REVISION_FIELD = "__revision"
NO_DATA: FormData = {}


@dataclass(frozen=True)
class Preview:
    definition: ModelDefinition
    form: engine.FormView
    rules: list[InputRules]
    # Set when the text does not parse and an earlier state is shown instead.
    stale_note: str = ""


@dataclass(frozen=True)
class StudioState:
    reading: DraftReading
    preview: Preview | None


def studio_state(
    draft: Draft,
    text: str,
    *,
    base_url: str,
    data: FormData = NO_DATA,
    touched: Collection[str] = (),
    fall_back: bool = False,
) -> StudioState:
    """The text read, and the preview of its definition.

    Text that is not JSON has no preview of its own: with `fall_back` (a page load)
    the latest version that parses is shown, labelled; otherwise (while typing) the
    page keeps the form it already shows.
    """
    reading = read_draft(text)
    if reading.definition is not None:
        return StudioState(reading, _preview(reading.definition, base_url, data, touched))
    if not fall_back:
        return StudioState(reading, None)
    for version in draft.versions.all():
        earlier = read_draft(version.text).definition
        if earlier is not None:
            note = f"The JSON has an error; the preview shows version {version.number}."
            preview = _preview(earlier, base_url, data, touched)
            return StudioState(
                reading, Preview(preview.definition, preview.form, preview.rules, note)
            )
    return StudioState(reading, None)


def definition_of(text: str) -> ModelDefinition | None:
    """The definition alone, unlinted (for each change of a preview value); None if not JSON."""
    try:
        return parse_definition(JsonText(text).value)
    except JsonTextError:
        return None


def export_name(draft: Draft) -> str:
    return f"{slugify(draft.title) or 'draft'}.json"


def live_rules(definition: ModelDefinition, form: engine.FormView) -> list[InputRules]:
    return explore_rules(definition, form.state.values.values)


def touched_names(data: FormData) -> list[str]:
    return (data.get(TOUCHED_FIELD) or [""])[-1].split()


def rules_context(rules: list[InputRules] | None) -> dict[str, Any]:
    """The rules panel: inputs with rules in full, optional ones by label only."""
    if rules is None:
        return {"rules": None, "optional_labels": []}
    return {
        "rules": [item for item in rules if item.words.summary != OPTIONAL],
        "optional_labels": [item.label for item in rules if item.words.summary == OPTIONAL],
    }


def form_context(draft: Draft) -> dict[str, Any]:
    """The URLs the model page's form template posts to, pointed at the studio.

    Live updates and the Generate button come here; no cost is estimated on its own
    (the API tab's "Check cost" asks the sandbox), so nothing reaches the live API.
    """
    return {
        "live_url": reverse("authoring:preview", args=[draft.pk]),
        "submit_url": reverse("authoring:test_run", args=[draft.pk]),
        "estimate_url": "",
    }


def _preview(
    definition: ModelDefinition, base_url: str, data: FormData, touched: Collection[str]
) -> Preview:
    form = engine.preview_form(definition, base_url=base_url, data=data, touched=touched)
    return Preview(definition, form, live_rules(definition, form))
