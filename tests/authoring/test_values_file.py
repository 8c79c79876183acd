"""Reading a VALUES file: a JSON object, or a plain reason why not."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenario_ui.authoring.values_file import read_values_file, unknown_name_lines
from scenario_ui.catalog.json_file import JsonFileError
from scenario_ui.forms import values_from_json
from scenario_ui.schema import parse_definition


def _write(directory: Path, content: str | bytes) -> str:
    path = directory / "values.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def test_reads_an_object_as_is(tmp_path: Path) -> None:
    path = _write(tmp_path, '{"prompt": "a cat", "steps": 30, "loras": ["model_a"]}')

    assert read_values_file(path) == {"prompt": "a cat", "steps": 30, "loras": ["model_a"]}


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    assert read_values_file(_write(tmp_path, b'\xef\xbb\xbf{"seed": 1}')) == {"seed": 1}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read {path}: No such file or directory"),
        (b"\xff\xfe", "cannot read {path}: not UTF-8 text"),
        ("{", "{path} is not valid JSON: Expecting property name"),
        ('{"seed": NaN}', "{path} is not valid JSON: NaN is not a JSON value"),
        ("[1, 2]", "{path} must hold a JSON object of input name -> value, got a list"),
        ('"a cat"', '{path} must hold a JSON object of input name -> value, got "a cat"'),
        ("null", "{path} must hold a JSON object of input name -> value, got null"),
    ],
)
def test_what_is_not_an_object_raises_a_plain_reason(
    tmp_path: Path, content: str | bytes | None, message: str
) -> None:
    path = str(tmp_path / "absent.json") if content is None else _write(tmp_path, content)

    with pytest.raises(JsonFileError) as raised:
        read_values_file(path)

    assert raised.value.message.startswith(message.format(path=path))


def test_unknown_names_list_the_declared_inputs() -> None:
    definition = parse_definition(
        {
            "id": "m",
            "inputs": [{"name": "prompt", "type": "string"}, {"name": "seed", "type": "number"}],
        }
    )
    values = values_from_json(definition, {"promt": "a cat", "seed": 1, "sede": 2})

    assert unknown_name_lines(definition, values) == [
        "promt: not an input of this model; inputs: prompt, seed",
        "sede: not an input of this model; inputs: prompt, seed",
    ]


def test_unknown_names_on_a_model_without_inputs() -> None:
    definition = parse_definition({"id": "m"})
    values = values_from_json(definition, {"prompt": "a cat"})

    assert unknown_name_lines(definition, values) == [
        "prompt: not an input of this model; the model has no inputs"
    ]
