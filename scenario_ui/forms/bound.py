"""An input bound to its current values, issues and requirement, ready to draw.

Like Django's `BoundField`, this is the one place that decides the shared
attributes of a control: id, name, `required`/`aria-required`, `aria-invalid`
and `aria-describedby`, and the wrapper, label, description and error element
around it. Plug-ins (`fields/`) draw their controls with `control_attrs`, so
every control of every input type and component gets them the same way.

What never changes between renders (ids, the label, the description) is
computed once per input as a `Presentation` and kept by the input's plug-in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from django.utils.safestring import SafeString

from scenario_ui.forms.html import esc
from scenario_ui.forms.issues import Issue
from scenario_ui.forms.rules import Requirement
from scenario_ui.schema import InputBase

RawData = dict[str, list[str]]
COST_TITLE = "Changing this changes the cost"


def html_id_for(name: str) -> str:
    return "in-" + re.sub(r"[^A-Za-z0-9_-]+", "-", name)


@dataclass(frozen=True)
class RenderOptions:
    """Where the drawn controls point: set by the page, the same for every input."""

    live_url: str = ""
    estimate_url: str = ""
    model_options_url: str = ""
    # Where a model picker asks for its chosen model's name, type and thumbnail.
    picked_model_url: str = ""
    # Where a `promptSpark` input's "Improve prompt" asks for a suggestion (none: no button).
    prompt_spark_url: str = ""
    uploads: bool = True
    # Set where a chosen file is uploaded at once, and where an asset's preview is drawn.
    upload_url: str = ""
    asset_preview_url: str = ""
    picker_url: str = ""
    # Said in place of the submit button when the user may not submit (a preview only).
    submit_refusal: str = ""


@dataclass(frozen=True)
class Presentation:
    """The parts of an input's HTML that depend only on its definition and posted name."""

    name: str
    input_type: str
    label: str
    html_id: str
    description_id: str
    error_id: str
    described_by: str
    label_html: str
    hint_html: str
    description_html: str
    # The wrapper's opening attributes, without the ones that follow the rules.
    wrapper_attrs: str

    @classmethod
    def of(cls, spec: InputBase, name: str) -> Presentation:
        html_id = html_id_for(name)
        input_type = spec.type or "unknown"
        label = spec.label or spec.name
        description_id = f"{html_id}-description"
        error_id = f"{html_id}-error"
        cost = (
            f' <span class="cost-badge" title="{COST_TITLE}">affects cost</span>'
            if spec.cost_impact
            else ""
        )
        # The hint is a focusable tooltip, kept outside the label so not in its name.
        hint = (
            f'<span class="hint-tip" tabindex="0" role="note" aria-label="Hint for {esc(label)}: '
            f'{esc(spec.hint)}" data-tip="{esc(spec.hint)}">?</span>'
            if spec.hint
            else ""
        )
        description = (
            f'<p class="field__description" id="{description_id}">{esc(spec.description)}</p>'
            if spec.description
            else ""
        )
        wrapper = (
            f'class="field field--{esc(input_type)}" data-input="{esc(name)}" '
            f'data-input-type="{esc(input_type)}"'
        )
        return cls(
            name=name,
            input_type=input_type,
            label=label,
            html_id=html_id,
            description_id=description_id,
            error_id=error_id,
            described_by=f"{description_id} {error_id}" if spec.description else error_id,
            label_html=(
                f'{esc(label)}<span class="required-marker" aria-hidden="true"></span>{cost}'
            ),
            hint_html=hint,
            description_html=description,
            wrapper_attrs=wrapper + (" data-cost-impact" if spec.cost_impact else ""),
        )


class Drawable(Protocol):
    """What a bound input needs from its plug-in (see `fields.base.Field`)."""

    @property
    def spec(self) -> InputBase: ...

    @property
    def name(self) -> str: ...

    @property
    def multiple(self) -> bool: ...

    @property
    def label_mode(self) -> str: ...

    @property
    def presentation(self) -> Presentation: ...

    def render_control(self, bound: BoundInput, options: RenderOptions) -> str: ...


class BoundInput:
    """One input of one render: its plug-in, what was typed, its issues and requirement."""

    __slots__ = (
        "field",
        "focus_index",
        "input_labels",
        "issues",
        "raw",
        "requirement",
        "select_labels",
    )

    def __init__(
        self,
        field: Drawable,
        raw: RawData,
        *,
        issues: Sequence[Issue] = (),
        requirement: Requirement | None = None,
        select_labels: dict[str, str] | None = None,
        focus_index: int | None = None,
        input_labels: Mapping[str, str] | None = None,
    ) -> None:
        self.field = field
        self.raw = raw
        self.issues = list(issues)
        self.requirement = requirement
        self.select_labels = select_labels or {}
        # Every input's label by name: a hint naming another input says its label.
        self.input_labels = input_labels or {}
        # The item (or row) to focus after a button changed the form's shape.
        self.focus_index = focus_index

    # --- what the input is -------------------------------------------------------------

    @property
    def spec(self) -> InputBase:
        return self.field.spec

    @property
    def name(self) -> str:
        return self.field.name

    @property
    def presentation(self) -> Presentation:
        return self.field.presentation

    @property
    def input_type(self) -> str:
        return self.field.presentation.input_type

    @property
    def label(self) -> str:
        return self.field.presentation.label

    @property
    def html_id(self) -> str:
        return self.field.presentation.html_id

    @property
    def description_id(self) -> str:
        return self.field.presentation.description_id

    @property
    def error_id(self) -> str:
        return self.field.presentation.error_id

    @property
    def described_by(self) -> str:
        return self.field.presentation.described_by

    @property
    def label_mode(self) -> str:
        return self.field.label_mode

    # --- its state in this render -----------------------------------------------------------

    @property
    def is_required(self) -> bool:
        return self.requirement is not None

    @property
    def error_text(self) -> str:
        return " ".join(issue.form_message for issue in self.issues)

    def control_attrs(self, suffix: str = "") -> SafeString:
        """The accessibility attributes every control of this input carries.

        Ids are made of `[A-Za-z0-9_-]` only (`html_id_for`): nothing here needs escaping.
        """
        presentation = self.field.presentation
        attrs = (
            f'id="{presentation.html_id}{suffix}" aria-describedby="{presentation.described_by}"'
        )
        if self.requirement is not None:
            attrs += ' required="" aria-required="true"'
        if self.issues:
            attrs += ' aria-invalid="true"'
        return SafeString(attrs)

    @property
    def attrs(self) -> SafeString:
        return self.control_attrs()

    @property
    def value_text(self) -> str:
        values = self.raw.get(self.field.name)
        return values[-1] if values else ""

    def item_texts(self) -> list[str]:
        """The items as typed, blanks included (an added slot stays until filled)."""
        if not self.field.multiple:
            return [self.value_text]
        return list(self.raw.get(self.field.name, ())) or [""]

    @property
    def max_items(self) -> int | None:
        if not self.field.multiple:
            return 1
        return self.spec_max_length

    @property
    def can_add_item(self) -> bool:
        limit = self.max_items
        return limit is None or len(self.raw.get(self.field.name, ())) < limit

    @property
    def spec_max_length(self) -> int | None:
        value = getattr(self.spec, "max_length", None)
        return value if isinstance(value, int) else None

    # --- drawing ---------------------------------------------------------------------------

    def error_html(self, *, out_of_band: bool = False) -> str:
        """The message element: always drawn, so live updates can fill or clear it."""
        presentation = self.field.presentation
        oob = ' hx-swap-oob="true"' if out_of_band else ""
        return (
            f'<p class="field__error" id="{presentation.error_id}" '
            f'data-error-for="{esc(presentation.name)}"{oob}>{esc(self.error_text)}</p>'
        )

    def render(self, options: RenderOptions) -> str:
        """The input whole: wrapper, label (or legend), description, control, message."""
        presentation = self.field.presentation
        required = ' data-required="true"' if self.requirement is not None else ""
        control = self.field.render_control(self, options)
        body = f"{presentation.description_html}{control}{self.error_html()}"
        mode = self.field.label_mode
        if mode == "legend":
            body = (
                f'<fieldset class="field__set"><legend class="field__label">'
                f"{presentation.label_html}</legend>{presentation.hint_html}{body}</fieldset>"
            )
        elif mode == "label":
            body = (
                f'<div class="field__head"><label class="field__label" '
                f'for="{presentation.html_id}">{presentation.label_html}</label>'
                f"{presentation.hint_html}</div>{body}"
            )
        return f"<div {presentation.wrapper_attrs}{required}>{body}</div>"
