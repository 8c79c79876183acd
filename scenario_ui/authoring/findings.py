"""A draft's text, read: its definition when the JSON parses, and every finding located.

Findings are the linter's (the same as `lint_model`'s), plus what only the text
shows (a syntax error, a repeated key), each at its line:column and tied to the
part of the preview it concerns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from scenario_ui.authoring.json_text import JsonText, JsonTextError, TextRange
from scenario_ui.schema import ModelDefinition, lint_definition, parse_definition

# A pathological draft could produce thousands; the first ones are what an author fixes.
MOST_FINDINGS_SHOWN = 200
# uiConfig parts drawn as one component of the form (`data-component` in the preview).
COMPONENTS = {
    "resolutionComponent": "resolution",
    "lorasComponent": "loras",
    "presets": "presets",
    "triggerGenerate": "trigger",
}
# uiConfig parts keyed by input name.
KEYED_BY_INPUT = ("selects", "inputProperties", "outputProperties")


@dataclass(frozen=True)
class Finding:
    severity: Literal["error", "warning"]
    message: str
    pointer: str
    where: TextRange
    # What to highlight in the preview: an input's wrapper or a component, if any.
    input_name: str = ""
    component: str = ""


@dataclass(frozen=True)
class DraftReading:
    """`definition` is None when the text is not JSON; `findings` then hold the error."""

    text: JsonText
    definition: ModelDefinition | None
    findings: list[Finding]
    more_findings: int = 0

    @property
    def syntax_error(self) -> Finding | None:
        return self.findings[0] if self.definition is None else None

    @property
    def errors(self) -> int:
        return sum(finding.severity == "error" for finding in self.findings) + self.more_findings

    def diagnostics(self) -> list[dict[str, Any]]:
        """The findings as the editor marks them (UTF-16 offsets)."""
        return [
            {
                "from": finding.where.start,
                "to": finding.where.end,
                "severity": finding.severity,
                "message": finding.message,
            }
            for finding in self.findings
        ]


def read_draft(text: str) -> DraftReading:
    parsed = JsonText(text)
    try:
        value = parsed.value
    except JsonTextError as error:
        where = parsed.range_at(error.offset)
        message = f"Not valid JSON: {error.message} (line {where.line}, column {where.column})"
        return DraftReading(parsed, None, [Finding("error", message, "", where)])
    definition = parse_definition(value)
    findings = [
        Finding(
            "warning",
            f'duplicate key "{_last_token(pointer)}": JSON keeps only this last one',
            pointer,
            parsed.locate(pointer),
        )
        for pointer in parsed.duplicate_keys
    ]
    model = value.get("model", value) if isinstance(value, dict) else value
    prefix = "/model" if isinstance(value, dict) and "model" in value else ""
    problems = lint_definition(definition)
    for problem in problems[:MOST_FINDINGS_SHOWN]:
        target = _preview_target(model, problem.pointer)
        findings.append(
            Finding(
                problem.severity,
                problem.message,
                problem.pointer,
                # Pointers are relative to the model object, which a record wraps.
                parsed.locate(prefix + problem.pointer),
                *target,
            )
        )
    more = max(len(problems) - MOST_FINDINGS_SHOWN, 0)
    return DraftReading(parsed, definition, findings, more_findings=more)


def _preview_target(model: Any, pointer: str) -> tuple[str, str]:
    """The input name or component a pointer is about, as the preview marks them."""
    tokens = [token.replace("~1", "/").replace("~0", "~") for token in pointer.split("/")[1:]]
    if len(tokens) >= 2 and tokens[0] == "inputs" and isinstance(model, dict):
        inputs = model.get("inputs")
        index = int(tokens[1]) if tokens[1].isdigit() else -1
        if isinstance(inputs, list) and 0 <= index < len(inputs):
            item = inputs[index]
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                return item["name"], ""
    if len(tokens) >= 2 and tokens[0] == "uiConfig":
        if tokens[1] in COMPONENTS:
            return "", COMPONENTS[tokens[1]]
        if tokens[1] in KEYED_BY_INPUT and len(tokens) >= 3:
            return tokens[2], ""
    return "", ""


def _last_token(pointer: str) -> str:
    return pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
