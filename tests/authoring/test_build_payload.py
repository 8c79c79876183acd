"""`manage.py build_payload FILE --values VALUES`: the body as JSON, or `name: message` lines."""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

import scenario_ui

PROJECT_DIR = Path(scenario_ui.__file__).resolve().parent.parent

MODEL: dict[str, Any] = {
    "id": "model_test",
    "inputs": [
        {"name": "prompt", "type": "string", "prompt": True, "required": {"always": True}},
        {"name": "negativePrompt", "type": "string"},
        {"name": "steps", "type": "number", "min": 1, "max": 50, "step": 1, "default": 28},
        {"name": "guidance", "type": "number", "min": 0, "max": 10, "step": 0.5},
        {"name": "tiling", "type": "boolean"},
        {
            "name": "image",
            "type": "file",
            "required": {"ifDefined": {"mask": {"message": "An image is required with a mask."}}},
        },
        {"name": "mask", "type": "file"},
        {"name": "width", "type": "number", "min": 256, "max": 2048, "step": 16},
        {"name": "height", "type": "number", "min": 256, "max": 2048, "step": 16},
        {"name": "loras", "type": "model_array", "maxLength": 2},
        {"name": "lorasScale", "type": "number_array", "min": 0, "max": 2, "step": 0.05},
    ],
    "uiConfig": {
        "resolutionComponent": {
            "label": "Size",
            "widthInput": "width",
            "heightInput": "height",
            "presets": [{"label": "Square", "width": 1024, "height": 1024}],
        },
        "lorasComponent": {"label": "Style", "modelInput": "loras", "scaleInput": "lorasScale"},
    },
}
# As a user enters them: a number typed as text, an empty optional, one LoRA scale missing.
VALID_VALUES: dict[str, Any] = {
    "prompt": "a cat",
    "negativePrompt": "",
    "steps": "30",
    "guidance": 7.5,
    "tiling": False,
    "width": 1024,
    "height": 768,
    "loras": ["model_a", "model_b"],
    "lorasScale": [0.5],
}
BODY_LINES = [
    "{",
    '  "prompt": "a cat",',
    '  "steps": 30,',
    '  "guidance": 7.5,',
    '  "tiling": false,',
    '  "width": 1024,',
    '  "height": 768,',
    '  "loras": [',
    '    "model_a",',
    '    "model_b"',
    "  ],",
    '  "lorasScale": [',
    "    0.5,",
    "    1",
    "  ]",
    "}",
]
INVALID_VALUES: dict[str, Any] = {"steps": 99, "guidance": "abc", "mask": "asset_m", "bogus": 1}
PROBLEM_LINES = [
    "bogus: not an input of this model; inputs: prompt, negativePrompt, steps, guidance, "
    "tiling, image, mask, width, height, loras, lorasScale",
    "prompt: Is required.",
    "steps: Must be at most 50.",
    "guidance: Must be a number.",
    "image: An image is required with a mask.",
]


def _write(directory: Path, name: str, content: object) -> str:
    path = directory / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def _files(directory: Path, values: object) -> tuple[str, str]:
    return (
        _write(directory, "definition.json", {"model": MODEL}),
        _write(directory, "values.json", values),
    )


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "build_payload", *args],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_valid_values_print_the_typed_body(tmp_path: Path) -> None:
    definition, values = _files(tmp_path, VALID_VALUES)
    stdout = StringIO()

    call_command("build_payload", definition, "--values", values, stdout=stdout)

    assert stdout.getvalue().splitlines() == BODY_LINES


def test_problems_print_one_line_each_and_exit_1(tmp_path: Path) -> None:
    definition, values = _files(tmp_path, INVALID_VALUES)
    stdout = StringIO()

    with pytest.raises(CommandError) as raised:
        call_command("build_payload", definition, "--values", values, stdout=stdout)

    assert stdout.getvalue().splitlines() == PROBLEM_LINES
    assert raised.value.returncode == 1
    assert str(raised.value) == f"{values}: 5 problems"


def test_a_model_without_inputs_says_so(tmp_path: Path) -> None:
    definition = _write(tmp_path, "definition.json", {"id": "model_test"})
    values = _write(tmp_path, "values.json", {"prompt": "a cat"})
    stdout = StringIO()

    with pytest.raises(CommandError):
        call_command("build_payload", definition, "--values", values, stdout=stdout)

    assert stdout.getvalue().splitlines() == [
        "prompt: not an input of this model; the model has no inputs"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read {path}: No such file or directory"),
        ("{", "{path} is not valid JSON"),
        ("[1]", "{path} must hold a JSON object of input name -> value, got a list"),
    ],
)
def test_unreadable_values_exit_2(tmp_path: Path, content: str | None, message: str) -> None:
    definition, values = _files(tmp_path, "")
    if content is None:
        values = str(tmp_path / "absent.json")
    else:
        Path(values).write_text(content)

    with pytest.raises(CommandError) as raised:
        call_command("build_payload", definition, "--values", values)

    assert raised.value.returncode == 2
    assert str(raised.value).startswith(message.format(path=values))


def test_an_unreadable_definition_exits_2(tmp_path: Path) -> None:
    values = _write(tmp_path, "values.json", VALID_VALUES)

    with pytest.raises(CommandError) as raised:
        call_command("build_payload", str(tmp_path / "absent.json"), "--values", values)

    assert raised.value.returncode == 2


def test_exit_codes_and_output_of_the_real_command(tmp_path: Path) -> None:
    definition = _write(tmp_path, "definition.json", {"model": MODEL})
    for name, values, code, lines in [
        ("valid", VALID_VALUES, 0, BODY_LINES),
        ("invalid", INVALID_VALUES, 1, PROBLEM_LINES),
    ]:
        finished = _run(definition, "--values", _write(tmp_path, f"{name}.json", values))

        assert (finished.returncode, finished.stdout.splitlines()) == (code, lines), name

    unreadable = _run(definition, "--values", _write(tmp_path, "broken.json", "not json"))

    assert unreadable.returncode == 2
    assert unreadable.stdout == ""
    assert "broken.json is not valid JSON" in unreadable.stderr


def test_numbers_no_client_can_hold_are_problems_never_infinity_in_the_body(
    tmp_path: Path,
) -> None:
    definition = _write(
        tmp_path,
        "definition.json",
        {"id": "m", "inputs": [{"name": "steps", "type": "number"}, {"name": "v", "type": "x"}]},
    )
    # 1e400 reads as infinity in Python; 10**400 as a 401-digit integer.
    values = _write(tmp_path, "values.json", '{"steps": 1e400, "v": [1, ' + "9" * 400 + "]}")

    finished = _run(definition, "--values", values)

    assert finished.returncode == 1
    assert finished.stdout.splitlines() == [
        "steps: Must be a number.",
        "v: Holds a number of 400 digits, not a finite number within ±1.8e308.",
    ]
