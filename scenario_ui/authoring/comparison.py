"""Comparing two states of a draft: versions, the working text, or a published model."""

from __future__ import annotations

from dataclasses import dataclass

from scenario_ui.authoring.diff import DiffLine, StructuralDiff, structural_diff, text_diff
from scenario_ui.authoring.drafts import pretty
from scenario_ui.authoring.json_text import JsonText, JsonTextError
from scenario_ui.authoring.models import Draft
from scenario_ui.authoring.selectors import version_of
from scenario_ui.scenario import gateway

WORKING = "draft"
PUBLISHED = "published"
MODEL_PREFIX = "model:"


class UnknownSide(ValueError):
    """A reference that names nothing comparable; `message` lists what is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Side:
    ref: str
    label: str
    text: str


@dataclass(frozen=True)
class Comparison:
    before: Side
    after: Side
    # None when either side is not valid JSON: then only the text is compared.
    structural: StructuralDiff | None
    lines: list[DiffLine]
    unreadable: str = ""


def default_refs(draft: Draft) -> tuple[str, str]:
    """The latest version against the working text, or the two latest versions."""
    numbers = list(draft.versions.values_list("number", flat=True)[:2])
    if not numbers:
        return (PUBLISHED if draft.source_model_id else WORKING), WORKING
    latest = draft.versions.first()
    if latest is not None and latest.text != draft.text:
        return f"v{numbers[0]}", WORKING
    if len(numbers) == 2:
        return f"v{numbers[1]}", f"v{numbers[0]}"
    return (PUBLISHED if draft.source_model_id else f"v{numbers[0]}"), f"v{numbers[0]}"


def compare(draft: Draft, before_ref: str, after_ref: str) -> Comparison:
    """Raises UnknownSide for a bad reference, ScenarioError when a model cannot be read."""
    before, after = side(draft, before_ref), side(draft, after_ref)
    documents = []
    problems = []
    for one in (before, after):
        try:
            documents.append(JsonText(one.text).value)
        except JsonTextError as error:
            problems.append(f"{one.label} is not valid JSON ({error.message}).")
    structural = structural_diff(*documents) if not problems else None
    return Comparison(
        before, after, structural, text_diff(before.text, after.text), " ".join(problems)
    )


def side(draft: Draft, ref: str) -> Side:
    if ref == WORKING:
        return Side(ref, "Working draft", draft.text)
    if ref.startswith("v") and ref[1:].isascii() and ref[1:].isdigit():
        version = version_of(draft, int(ref[1:]))
        who = version.author.get_username() if version.author else "a deleted user"
        when = version.created_at.strftime("%Y-%m-%d %H:%M")
        return Side(ref, f"Version {version.number} ({who}, {when} UTC)", version.text)
    if ref == PUBLISHED or ref.startswith(MODEL_PREFIX):
        model_id = draft.source_model_id if ref == PUBLISHED else ref.removeprefix(MODEL_PREFIX)
        if not model_id.strip():
            raise UnknownSide("This draft was not opened from the catalog: name a model id.")
        record = gateway.retrieve_model(model_id.strip())
        return Side(ref, f"Published {model_id}", pretty(record))
    raise UnknownSide(
        f'Cannot compare "{ref}"; use "{WORKING}", a version such as "v1", '
        f'"{PUBLISHED}" or "{MODEL_PREFIX}<model id>".'
    )
