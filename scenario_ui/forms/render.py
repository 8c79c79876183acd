"""Everything the form template needs, built in one call from a definition and values.

Three moments: the first render (no messages), a live re-validation (messages
for what the user touched) and a submit (every message plus a summary).

`posted_form_view` (or `form_view` for values given as JSON) is the one entry
point for "this definition's form, with these values"; the view's
`fields_html` draws its inputs and components, and the `forms/model_form.html`
partials draw the rest, exactly as the model page does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any

from django.utils.safestring import SafeString

from scenario_ui.forms.bound import BoundInput, RenderOptions, html_id_for
from scenario_ui.forms.components import reshapes
from scenario_ui.forms.fields import FormData
from scenario_ui.forms.html import safe
from scenario_ui.forms.layout import FormLayout, build_layout
from scenario_ui.forms.live import SHOWN, LiveChange, live_change, parse_shown
from scenario_ui.forms.payload import preview_payload
from scenario_ui.forms.preview import RequestPreview, body_digest, request_preview
from scenario_ui.forms.uploads import Upload
from scenario_ui.forms.validation import FormState, evaluate
from scenario_ui.forms.values import FormValues, values_from_data
from scenario_ui.schema import ModelDefinition

# The digest of the request body the page shows: a live answer re-sends the preview
# only when the body changed.
PREVIEW_DIGEST = "__preview"


class Moment(Enum):
    FIRST = "first"
    LIVE = "live"
    SUBMIT = "submit"


@dataclass(frozen=True)
class SummaryEntry:
    label: str
    anchor: str
    message: str


@dataclass
class FormView:
    definition: ModelDefinition
    state: FormState
    layout: FormLayout
    summary: list[SummaryEntry]
    shown: list[str]
    live: LiveChange | None = None
    # Read out by the form's polite live region: messages that just appeared.
    announcement: str = ""
    base_url: str = ""
    # The digest of the body the page already shows (posted back by a live update).
    shown_preview: str = ""
    _drawn: dict[RenderOptions, SafeString] = field(default_factory=dict, repr=False)

    @property
    def shown_text(self) -> str:
        return " ".join(self.shown)

    @property
    def refreshed_inputs(self) -> list[BoundInput]:
        """Inputs whose message element a live answer re-sends (none outside live updates)."""
        if self.live is None:
            return []
        bound = self.layout.bound
        return [bound[name] for name in self.live.refreshed if name in bound]

    @cached_property
    def preview_body(self) -> dict[str, Any]:
        return preview_payload(self.state)

    @cached_property
    def preview_digest(self) -> str:
        return body_digest(self.preview_body)

    @property
    def preview_changed(self) -> bool:
        return self.preview_digest != self.shown_preview

    @cached_property
    def preview(self) -> RequestPreview:
        return request_preview(self.definition.id, self.preview_body, base_url=self.base_url)

    def fields_html(self, options: RenderOptions) -> SafeString:
        """The inputs and components, drawn (once per set of options: a view may be reused)."""
        drawn = self._drawn.get(options)
        if drawn is None:
            drawn = safe("".join(node.render(options) for node in self.layout.nodes))
            self._drawn[options] = drawn
        return drawn


def posted_form_view(
    definition: ModelDefinition,
    data: FormData,
    *,
    moment: Moment,
    base_url: str = "",
    uploads: Mapping[str, list[Upload]] | None = None,
    evaluator: Callable[[ModelDefinition, FormValues], FormState] = evaluate,
) -> FormView:
    """The form for posted data: live, or as submitted.

    A control that reshapes the form (a row button, a preset) never submits it, even
    as a plain submit with JavaScript off: it gets the live view of the new shape.
    """
    return form_view(
        definition,
        values_from_data(definition, data, uploads),
        moment=Moment.LIVE if reshapes(data) else moment,
        previously_shown=parse_shown((data.get(SHOWN) or [""])[-1]),
        shown_preview=(data.get(PREVIEW_DIGEST) or [""])[-1],
        base_url=base_url,
        evaluator=evaluator,
    )


def form_view(
    definition: ModelDefinition,
    values: FormValues,
    *,
    moment: Moment = Moment.FIRST,
    previously_shown: Iterable[str] = (),
    shown_preview: str = "",
    base_url: str = "",
    evaluator: Callable[[ModelDefinition, FormValues], FormState] = evaluate,
) -> FormView:
    """`evaluator` may add checks a definition cannot express (training's cross-field rules)."""
    state = evaluator(definition, values)
    live = live_change(state, previously_shown) if moment is Moment.LIVE else None
    if moment is Moment.SUBMIT:
        shown = [name for name in definition.input_names if name in state.issues]
    else:
        shown = live.shown if live else []
    layout = build_layout(state, show_issues_for=shown)
    summary = []
    if moment is Moment.SUBMIT:
        for issue in state.all_issues():
            spec = definition.input_named(issue.input_name)
            label = (spec.label if spec else None) or issue.input_name
            summary.append(SummaryEntry(label, html_id_for(issue.input_name), issue.form_message))
    before = set(previously_shown)
    announcement = " ".join(
        f"{layout.bound[name].label}: {layout.bound[name].error_text}"
        for name in shown
        if name not in before and name in layout.bound
    )
    return FormView(
        announcement=announcement if moment is Moment.LIVE else "",
        definition=definition,
        state=state,
        layout=layout,
        summary=summary,
        shown=shown,
        live=live,
        base_url=base_url,
        shown_preview=shown_preview,
    )
