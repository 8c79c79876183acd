from __future__ import annotations

import ast
import json
import shlex
from typing import Any

import pytest

from scenario_ui.forms.preview import DEFAULT_BASE_URL, RequestPreview, request_preview

BODY: dict[str, Any] = {
    "prompt": 'it\'s a "cat" — 猫',
    "numOutputs": 2,
    "guidance": 3.5,
    "hdr": False,
    "loras": ["model_a"],
    "curve": {"points": [0, None]},
}


def curl_arguments(curl: str) -> list[str]:
    return shlex.split(curl.replace(" \\\n", " "))


def test_body_json_is_indented_and_keeps_unicode() -> None:
    preview = request_preview("model_x", BODY)
    assert json.loads(preview.body_json) == BODY
    assert preview.body_json == json.dumps(BODY, indent=2, ensure_ascii=False)
    assert "猫" in preview.body_json


def test_curl_posts_the_body_to_the_generate_endpoint() -> None:
    preview = request_preview("model_x", BODY)
    lines = preview.curl.split("\n")
    assert lines[0] == ("curl -X POST https://api.cloud.scenario.com/v1/generate/custom/model_x \\")
    assert lines[1:3] == [
        '  -u "$SCENARIO_SDK_API_KEY:$SCENARIO_SDK_API_SECRET" \\',
        "  -H 'Content-Type: application/json' \\",
    ]
    assert len(lines) == 4
    arguments = curl_arguments(preview.curl)
    assert arguments[:4] == [
        "curl",
        "-X",
        "POST",
        "https://api.cloud.scenario.com/v1/generate/custom/model_x",
    ]
    assert arguments[4:6] == ["-u", "$SCENARIO_SDK_API_KEY:$SCENARIO_SDK_API_SECRET"]
    assert arguments[6:8] == ["-H", "Content-Type: application/json"]
    assert arguments[8] == "-d"
    # Quotes in the body survive the shell quoting.
    assert json.loads(arguments[9]) == BODY
    assert len(arguments) == 10


def test_python_snippet_is_valid_python_with_the_same_body() -> None:
    preview = request_preview("model_x", BODY)
    lines = preview.python.split("\n")
    assert lines[:5] == [
        "from scenario_sdk import Scenario",
        "",
        "# Reads SCENARIO_SDK_API_KEY and SCENARIO_SDK_API_SECRET from the environment.",
        "client = Scenario()",
        lines[4],
    ]
    tree = ast.parse(preview.python)
    call = tree.body[-1]
    assert isinstance(call, ast.Assign)
    assert isinstance(call.value, ast.Call)
    assert ast.unparse(call.value.func) == "client.generate.run_model"
    assert [ast.literal_eval(arg) for arg in call.value.args] == ["model_x"]
    assert [keyword.arg for keyword in call.value.keywords] == ["body"]
    assert ast.literal_eval(call.value.keywords[0].value) == BODY


def test_a_short_body_stays_on_one_line() -> None:
    preview = request_preview("model_x", {"prompt": "cat"})
    assert preview.python.split("\n")[-1] == (
        "job = client.generate.run_model('model_x', body={'prompt': 'cat'})"
    )
    assert preview.curl.split("\n")[-1] == """  -d '{"prompt": "cat"}'"""


def test_an_empty_body() -> None:
    preview = request_preview("model_x", {})
    assert isinstance(preview, RequestPreview)
    assert preview.body_json == "{}"
    assert preview.curl.endswith("  -d '{}'")
    assert preview.python.endswith("run_model('model_x', body={})")


@pytest.mark.parametrize(
    ("given", "endpoint", "client"),
    [
        ("", "https://api.cloud.scenario.com/v1/generate/custom/m", "client = Scenario()"),
        (DEFAULT_BASE_URL, "https://api.cloud.scenario.com/v1/generate/custom/m", None),
        (DEFAULT_BASE_URL + "/", "https://api.cloud.scenario.com/v1/generate/custom/m", None),
        (
            "http://testserver/sandbox/v1",
            "http://testserver/sandbox/v1/generate/custom/m",
            "client = Scenario(base_url='http://testserver/sandbox/v1')",
        ),
        (
            "https://proxy.example/v1//",
            "https://proxy.example/v1/generate/custom/m",
            "client = Scenario(base_url='https://proxy.example/v1')",
        ),
    ],
)
def test_base_url(given: str, endpoint: str, client: str | None) -> None:
    # (Not named `base_url`: pytest-base-url owns that fixture name.)
    preview = request_preview("m", {}, base_url=given)
    assert curl_arguments(preview.curl)[3] == endpoint
    assert preview.python.split("\n")[3] == (client or "client = Scenario()")


def test_default_base_url() -> None:
    assert DEFAULT_BASE_URL == "https://api.cloud.scenario.com/v1"


def test_a_model_id_with_shell_characters_is_quoted() -> None:
    preview = request_preview("model $(rm -rf)", {})
    assert curl_arguments(preview.curl)[3] == (
        "https://api.cloud.scenario.com/v1/generate/custom/model $(rm -rf)"
    )


def test_snippets_name_only_the_environment_variables() -> None:
    preview = request_preview("m", {"prompt": "x"})
    for text in (preview.curl, preview.python):
        assert "api_key" not in text
        assert "api_secret" not in text
    assert "$SCENARIO_SDK_API_KEY" in preview.curl
    assert "$SCENARIO_SDK_API_SECRET" in preview.curl
