"""The model-author commands on any file: never an exception, and the exit codes hold.

lint_model: 0 (no errors), 1 (errors), 2 (unreadable). render_form: 0, 1 (no usable
id), 2 (unreadable). build_payload: 0 with a body that is strict JSON, 1 (problems),
2 (unreadable).
"""

from __future__ import annotations

import json
import tempfile
from io import StringIO
from pathlib import Path
from typing import Any, NoReturn

from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fuzz.budget import examples
from tests.fuzz.strategies import definitions, json_values

# What a file may hold: JSON as Python writes it (NaN and Infinity included), or junk.
file_texts = st.one_of(
    definitions(deepest=300).map(lambda value: json.dumps(value, allow_nan=True)),
    json_values(6).map(lambda value: json.dumps(value, allow_nan=True)),
    st.text(max_size=40),
    # Deeper than json.dumps could write it.
    st.integers(100, 20_000).map(lambda depth: "[" * depth + "]" * depth),
)
values_texts = st.one_of(
    st.dictionaries(st.sampled_from(["prompt", "width", "seed", "mode"]), json_values(3)).map(
        lambda value: json.dumps(value, allow_nan=True)
    ),
    file_texts,
)


def run(*args: str) -> tuple[int, str]:
    stdout, stderr = StringIO(), StringIO()
    try:
        call_command(*args, stdout=stdout, stderr=stderr)
    except CommandError as error:
        return error.returncode, stdout.getvalue()
    return 0, stdout.getvalue()


def written(directory: str, name: str, text: str) -> str:
    path = Path(directory) / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return str(path)


def _no_constants(name: str) -> NoReturn:
    raise ValueError(f"{name} in the body")


@settings(max_examples=examples(60))
@given(definition=file_texts, values=values_texts)
def test_the_commands_exit_with_their_codes_on_any_file(definition: str, values: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        definition_path = written(directory, "definition.json", definition)
        values_path = written(directory, "values.json", values)
        lint_code, _ = run("lint_model", definition_path)
        assert lint_code in (0, 1, 2)
        render_code, _ = run("render_form", definition_path, "--values", values_path)
        assert render_code in (0, 1, 2)
        payload_code, body = run("build_payload", definition_path, "--values", values_path)
        assert payload_code in (0, 1, 2)
        if payload_code == 0:
            # Strict JSON: no NaN or Infinity, which json.dumps would write.
            parsed: Any = json.loads(body, parse_constant=_no_constants)
            assert isinstance(parsed, dict)
        if lint_code == 2:
            # Unreadable for one command, unreadable for all.
            assert render_code == payload_code == 2
