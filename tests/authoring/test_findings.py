"""A draft's text read into findings: the linter's, located, tied to the preview."""

from __future__ import annotations

import json

from scenario_ui.authoring.findings import MOST_FINDINGS_SHOWN, read_draft
from scenario_ui.schema import lint_definition, parse_definition

MODEL = {
    "id": "model_test",
    "inputs": [
        {"name": "prompt", "type": "string", "required": {"always": True}},
        {"name": "steps", "type": "number", "min": 1, "max": 50, "step": 1, "default": 80},
    ],
    "uiConfig": {"selects": {"sampler": {"a": "A"}}, "resolutionComponent": {"label": "Size"}},
}


def test_broken_json_is_one_error_at_its_line_and_column() -> None:
    reading = read_draft('{\n  "id": "model_test",\n  "inputs": [}\n}')

    assert reading.definition is None
    [error] = reading.findings
    assert error.severity == "error"
    assert error.message == "Not valid JSON: Expecting value (line 3, column 14)"
    assert (error.where.line, error.where.column) == (3, 14)
    assert reading.syntax_error == error


def test_lint_findings_are_the_linters_own_in_order_and_located() -> None:
    text = json.dumps(MODEL, indent=2)
    reading = read_draft(text)

    assert reading.definition is not None
    assert [(f.severity, f.pointer, f.message) for f in reading.findings] == [
        (p.severity, p.pointer, p.message) for p in lint_definition(parse_definition(MODEL))
    ]
    default = next(f for f in reading.findings if f.pointer == "/inputs/1/default")
    assert text[default.where.start : default.where.end] == '"default": 80'
    assert default.where.line == text[: text.index('"default": 80')].count("\n") + 1


def test_findings_name_the_preview_part_they_concern() -> None:
    reading = read_draft(json.dumps(MODEL))
    targets = {f.pointer: (f.input_name, f.component) for f in reading.findings}

    assert targets["/inputs/1/default"] == ("steps", "")
    assert targets["/uiConfig/selects/sampler"] == ("sampler", "")
    assert targets["/uiConfig/resolutionComponent/widthInput"] == ("", "resolution")


def test_a_record_wrapping_the_model_is_located_inside_it() -> None:
    text = json.dumps({"model": MODEL}, indent=2)
    default = next(f for f in read_draft(text).findings if f.pointer == "/inputs/1/default")

    assert text[default.where.start : default.where.end] == '"default": 80'


def test_a_repeated_key_is_a_warning_where_json_keeps_the_last() -> None:
    text = '{"id": "model_a", "inputs": [], "id": "model_b"}'
    [repeated] = [f for f in read_draft(text).findings if "duplicate key" in f.message]

    assert repeated.message == 'duplicate key "id": JSON keeps only this last one'
    assert text[repeated.where.start : repeated.where.end] == '"id": "model_b"'


def test_the_editor_gets_the_findings_as_diagnostics() -> None:
    reading = read_draft(
        '{"id": "m", "inputs": [{"name": "a", "type": "number", "min": 5, "max": 1}]}'
    )

    assert reading.diagnostics() == [
        {
            "from": 55,
            "to": 63,
            "severity": "error",
            "message": "min 5 is greater than max 1; no value can meet both",
        }
    ]


def test_a_flood_of_findings_is_cut_and_counted() -> None:
    inputs = [{"name": f"n{i}", "type": "number", "min": 2, "max": 1} for i in range(250)]
    reading = read_draft(json.dumps({"id": "m", "inputs": inputs}))

    assert len(reading.findings) == MOST_FINDINGS_SHOWN
    assert reading.more_findings == 50
    assert reading.errors == 250
