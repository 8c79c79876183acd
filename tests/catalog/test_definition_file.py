"""Reading a definition file: a record or a bare model, and plain errors when it is not JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scenario_ui.catalog.definition_file import read_definition_file
from scenario_ui.catalog.json_file import JsonFileError

MODEL = {"id": "model_test", "inputs": [{"name": "prompt", "type": "string"}]}


def _write(directory: Path, content: str | bytes) -> str:
    path = directory / "definition.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def test_reads_a_record_and_a_bare_model_alike(tmp_path: Path) -> None:
    record_path = tmp_path / "record.json"
    record_path.write_text(json.dumps({"model": MODEL}))
    bare_path = tmp_path / "bare.json"
    bare_path.write_text(json.dumps(MODEL))

    from_record = read_definition_file(str(record_path))

    assert from_record == read_definition_file(str(bare_path))
    assert from_record.id == "model_test"
    assert from_record.input_names == ["prompt"]


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = _write(tmp_path, b"\xef\xbb\xbf" + json.dumps(MODEL).encode())

    assert read_definition_file(path).id == "model_test"


def test_json_that_is_no_definition_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    definition = read_definition_file(_write(tmp_path, "[1, 2]"))

    assert [problem.message for problem in definition.problems] == [
        "definition must be a JSON object, got a list"
    ]


def test_a_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "absent.json")

    with pytest.raises(JsonFileError) as raised:
        read_definition_file(path)

    assert raised.value.message == f"cannot read {path}: No such file or directory"


def test_a_directory(tmp_path: Path) -> None:
    with pytest.raises(JsonFileError) as raised:
        read_definition_file(str(tmp_path))

    assert raised.value.message == f"cannot read {tmp_path}: Is a directory"


def test_text_that_is_not_utf8(tmp_path: Path) -> None:
    path = _write(tmp_path, b'{"id": "\xff"}')

    with pytest.raises(JsonFileError) as raised:
        read_definition_file(path)

    assert raised.value.message == f"cannot read {path}: not UTF-8 text (invalid start byte)"


def test_invalid_json(tmp_path: Path) -> None:
    path = _write(tmp_path, '{"id": "model_test",\n  "inputs": [}')

    with pytest.raises(JsonFileError) as raised:
        read_definition_file(path)

    assert raised.value.message == f"{path} is not valid JSON: Expecting value (line 2, column 14)"
    assert str(raised.value) == raised.value.message


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_python_only_constants_are_not_json(tmp_path: Path, constant: str) -> None:
    path = _write(tmp_path, f'{{"id": "model_test", "parameters": {{"x": {constant}}}}}')

    with pytest.raises(JsonFileError) as raised:
        read_definition_file(path)

    assert raised.value.message == f"{path} is not valid JSON: {constant} is not a JSON value"
