"""`manage.py render_form FILE [--values VALUES]`: the form fragment the model page embeds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

import scenario_ui

PROJECT_DIR = Path(scenario_ui.__file__).resolve().parent.parent
DEMO_MODEL_ID = "model_demo-lumen-xl"
DEMO_FILE = PROJECT_DIR / f"scenario_ui/sandbox/demo_catalog/{DEMO_MODEL_ID}.json"

MODEL: dict[str, Any] = {
    "id": "model_test",
    "inputs": [
        {
            "name": "prompt",
            "type": "string",
            "label": "Prompt",
            "prompt": True,
            "required": {"always": True},
        },
        {"name": "steps", "type": "number", "label": "Steps", "min": 1, "max": 50, "default": 28},
    ],
}
FORM_CONTRACT = [
    '<form id="model-form"',
    'action="/models/model_test/generate/"',
    'hx-post="/models/model_test/form/"',
    'data-input="prompt"',
    'data-input-type="string"',
    'data-error-for="prompt"',
    'data-input="steps"',
    'data-input-type="number"',
    'data-component="trigger"',
    # No request, so no CSRF token: the field is there, empty.
    'name="csrfmiddlewaretoken" value=""',
]


def _write(directory: Path, name: str, content: object) -> str:
    path = directory / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def _call(*args: str) -> tuple[str, str]:
    stdout, stderr = StringIO(), StringIO()
    call_command("render_form", *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "render_form", *args],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_the_first_render_has_the_html_contract_and_no_messages(tmp_path: Path) -> None:
    html, _ = _call(_write(tmp_path, "definition.json", {"model": MODEL}))

    assert html.strip().startswith('<form id="model-form"')
    assert html.strip().endswith("</form>")
    for fragment in FORM_CONTRACT:
        assert fragment in html
    assert 'value="28"' in html
    assert "error-summary" not in html
    assert "Is required." not in html


def test_values_show_with_every_error_and_the_summary(tmp_path: Path) -> None:
    definition = _write(tmp_path, "definition.json", MODEL)
    values = _write(tmp_path, "values.json", {"steps": "99"})

    html, stderr = _call(definition, "--values", values)

    for fragment in FORM_CONTRACT:
        assert fragment in html
    assert 'id="error-summary"' in html
    assert "2 problems to fix first" in html
    assert '<a href="#in-prompt">Prompt: Is required.</a>' in html
    assert '<a href="#in-steps">Steps: Must be at most 50.</a>' in html
    assert 'value="99"' in html
    assert stderr == ""


def test_names_the_model_does_not_declare_are_reported_on_stderr(tmp_path: Path) -> None:
    definition = _write(tmp_path, "definition.json", MODEL)
    values = _write(tmp_path, "values.json", {"prompt": "a cat", "sped": 3})

    html, stderr = _call(definition, "--values", values)

    assert "error-summary" not in html
    assert stderr.splitlines() == ["sped: not an input of this model; inputs: prompt, steps"]


@pytest.mark.parametrize(
    ("definition", "values", "message"),
    [
        ("absent.json", None, "cannot read {dir}/absent.json"),
        ("definition.json", "[]", "{dir}/values.json must hold a JSON object"),
        ("definition.json", "{", "{dir}/values.json is not valid JSON"),
    ],
)
def test_unreadable_files_exit_2(
    tmp_path: Path, definition: str, values: str | None, message: str
) -> None:
    _write(tmp_path, "definition.json", MODEL)
    args = [str(tmp_path / definition)]
    if values is not None:
        args += ["--values", _write(tmp_path, "values.json", values)]

    with pytest.raises(CommandError) as raised:
        _call(*args)

    assert raised.value.returncode == 2
    assert str(raised.value).startswith(message.format(dir=tmp_path))


def test_a_definition_without_an_id_exits_1(tmp_path: Path) -> None:
    path = _write(tmp_path, "definition.json", {"inputs": MODEL["inputs"]})

    with pytest.raises(CommandError) as raised:
        _call(path)

    assert raised.value.returncode == 1
    assert str(raised.value) == f"{path}: the definition has no id, which the form's URLs need"


def test_the_model_page_embeds_exactly_this_fragment(
    signed_in: Client, seeded_sandbox: None
) -> None:
    html, _ = _call(str(DEMO_FILE))
    page = signed_in.get(f"/models/{DEMO_MODEL_ID}/").content.decode()

    # The page differs only in its real CSRF token and the submission token it adds.
    page = re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]*"', r'\1"', page)
    page = re.sub(r'<input type="hidden" name="__token" value="[^"]*">', "", page)
    assert html in page


def test_exit_codes_and_output_of_the_real_command(tmp_path: Path) -> None:
    definition = _write(tmp_path, "definition.json", {"model": MODEL})

    first = _run(definition)
    with_values = _run(definition, "--values", _write(tmp_path, "values.json", {"steps": 0}))
    unreadable = _run(definition, "--values", _write(tmp_path, "broken.json", "not json"))

    assert (first.returncode, first.stderr) == (0, "")
    assert first.stdout == _call(definition)[0]
    assert with_values.returncode == 0
    assert "Steps: Must be at least 1." in with_values.stdout
    assert (unreadable.returncode, unreadable.stdout) == (2, "")
    assert "broken.json is not valid JSON" in unreadable.stderr


def test_an_id_with_a_slash_exits_1_instead_of_crashing(tmp_path: Path) -> None:
    path = _write(tmp_path, "definition.json", {**MODEL, "id": "team/model"})

    with pytest.raises(CommandError) as raised:
        _call(path)

    assert raised.value.returncode == 1
    assert str(raised.value) == (
        f'{path}: the definition\'s id "team/model" contains "/", which the form\'s URLs '
        "cannot carry (Scenario's ids never do)"
    )


def test_deeply_nested_json_exits_2(tmp_path: Path) -> None:
    path = _write(tmp_path, "definition.json", "[" * 5000 + "]" * 5000)

    with pytest.raises(CommandError) as raised:
        _call(path)

    assert raised.value.returncode == 2
    assert str(raised.value) == f"{path} is nested deeper than 64 levels, which no model uses"
