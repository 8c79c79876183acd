"""`manage.py lint_model FILE`: one finding per line, exit 0 / 1 / 2."""

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
from scenario_ui.catalog.definition_file import read_definition_file
from scenario_ui.schema import lint_definition

PROJECT_DIR = Path(scenario_ui.__file__).resolve().parent.parent
DEMO_CATALOG_FILES = sorted((PROJECT_DIR / "scenario_ui/sandbox/demo_catalog").glob("*.json"))

SOUND: dict[str, Any] = {"id": "model_test", "inputs": [{"name": "seed", "type": "number"}]}
WARNINGS_ONLY: dict[str, Any] = {
    "model": {**SOUND, "uiConfig": {"selects": {"aiModel": {"a": "A"}}}}
}
WARNING_LINES = [
    'warning /uiConfig/selects/aiModel: selects "aiModel" names no input; inputs: seed'
]
WITH_ERRORS: dict[str, Any] = {
    "id": "model_test",
    "inputs": [{"name": "seed", "type": "number", "min": 10, "max": 1, "default": "1", "foo": 1}],
}
ERROR_LINES = [
    "error /inputs/0/min: min 10 is greater than max 1; no value can meet both",
    'error /inputs/0/default: default must be a number, got "1"',
    'warning /inputs/0/foo: unknown field "foo" on a number input',
]


def _write(directory: Path, content: object) -> str:
    path = directory / "definition.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def _call(path: str) -> list[str]:
    stdout = StringIO()
    call_command("lint_model", path, stdout=stdout)
    return stdout.getvalue().splitlines()


def _run(path: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "lint_model", path],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_a_sound_file_prints_nothing(tmp_path: Path) -> None:
    assert _call(_write(tmp_path, SOUND)) == []


def test_warnings_alone_do_not_fail(tmp_path: Path) -> None:
    assert _call(_write(tmp_path, WARNINGS_ONLY)) == WARNING_LINES


def test_errors_fail_with_exit_code_1(tmp_path: Path) -> None:
    path = _write(tmp_path, WITH_ERRORS)
    stdout = StringIO()

    with pytest.raises(CommandError) as raised:
        call_command("lint_model", path, stdout=stdout)

    assert stdout.getvalue().splitlines() == ERROR_LINES
    assert raised.value.returncode == 1
    assert str(raised.value) == f"{path}: 2 errors, 1 warning"


def test_the_root_pointer_prints_as_a_slash(tmp_path: Path) -> None:
    path = _write(tmp_path, "[]")
    stdout = StringIO()

    with pytest.raises(CommandError):
        call_command("lint_model", path, stdout=stdout)

    assert stdout.getvalue().splitlines() == [
        "error /: definition must be a JSON object, got a list"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "cannot read {path}: No such file or directory"), ("{", "{path} is not valid JSON")],
)
def test_an_unreadable_file_fails_with_exit_code_2(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = str(tmp_path / "absent.json") if content is None else _write(tmp_path, content)

    with pytest.raises(CommandError) as raised:
        call_command("lint_model", path)

    assert raised.value.returncode == 2
    assert str(raised.value).startswith(message.format(path=path))


def test_exit_codes_and_output_of_the_real_command(tmp_path: Path) -> None:
    for name, content, code, lines in [
        ("sound", SOUND, 0, []),
        ("warnings", WARNINGS_ONLY, 0, WARNING_LINES),
        ("errors", WITH_ERRORS, 1, ERROR_LINES),
    ]:
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(content))

        finished = _run(str(path))

        assert (finished.returncode, finished.stdout.splitlines()) == (code, lines), name
    assert "2 errors, 1 warning" in _run(str(tmp_path / "errors.json")).stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "No such file or directory"), ("not json", "is not valid JSON")],
)
def test_an_unreadable_file_exits_2_with_the_reason_on_stderr(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = str(tmp_path / "absent.json") if content is None else _write(tmp_path, content)

    finished = _run(path)

    assert finished.returncode == 2
    assert finished.stdout == ""
    assert message in finished.stderr


@pytest.mark.parametrize("path", DEMO_CATALOG_FILES, ids=lambda path: path.stem)
def test_demo_catalog_files_have_no_errors(path: Path) -> None:
    problems = lint_definition(read_definition_file(str(path)))

    assert [problem for problem in problems if problem.severity == "error"] == []


def test_a_default_too_large_for_any_client_is_an_error(tmp_path: Path) -> None:
    model = {"id": "m", "inputs": [{"name": "seed", "type": "number", "default": 10**400}]}
    stdout = StringIO()

    with pytest.raises(CommandError) as raised:
        call_command("lint_model", _write(tmp_path, model), stdout=stdout)

    assert raised.value.returncode == 1
    assert stdout.getvalue().splitlines() == [
        'error /inputs/0/default: "default" holds a number of 401 digits, '
        "not a finite number within ±1.8e308"
    ]


def test_deeply_nested_json_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    finished = _run(_write(tmp_path, "[" * 5000 + "]" * 5000))

    assert finished.returncode == 2
    assert finished.stdout == ""
    assert "is nested deeper than 64 levels" in finished.stderr
    assert "Traceback" not in finished.stderr
