from __future__ import annotations

import pytest

from scenario_ui.sandbox.api.bodies import (
    parse_get_bulk_body,
    parse_id_list,
    parse_json_object,
    required_text,
)
from scenario_ui.sandbox.api.errors import SandboxApiError


def test_reads_model_ids() -> None:
    assert parse_get_bulk_body(b'{"modelIds": ["model_a", "model_b"], "minimal": false}') == [
        "model_a",
        "model_b",
    ]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "Invalid JSON body: Expecting value: line 1 column 1 (char 0)"),
        (b"\xff", "Invalid JSON body: "),
        (b'["model_a"]', "Invalid body; expected a JSON object with modelIds"),
        (b"{}", "Invalid modelIds; expected an array of model id strings"),
        (b'{"modelIds": "model_a"}', "Invalid modelIds; expected an array of model id strings"),
        (
            b'{"modelIds": ["model_a", 7]}',
            "Invalid modelIds; expected an array of model id strings",
        ),
    ],
)
def test_refuses_bodies_without_a_list_of_ids(body: bytes, reason: str) -> None:
    with pytest.raises(SandboxApiError) as raised:
        parse_get_bulk_body(body)
    assert raised.value.status == 400
    assert raised.value.reason.startswith(reason)


def test_reads_a_json_object() -> None:
    assert parse_json_object(b'{"prompt": "a"}', "inputs") == {"prompt": "a"}
    with pytest.raises(SandboxApiError) as raised:
        parse_json_object(b"[1]", "the model's inputs")
    assert raised.value.reason == "Invalid body; expected a JSON object with the model's inputs"


def test_reads_a_named_list_of_ids() -> None:
    assert parse_id_list(b'{"assetIds": ["asset_a"]}', "assetIds", "asset") == ["asset_a"]
    with pytest.raises(SandboxApiError) as raised:
        parse_id_list(b'{"assetIds": [1]}', "assetIds", "asset")
    assert raised.value.reason == "Invalid assetIds; expected an array of asset id strings"


@pytest.mark.parametrize("document", [{}, {"name": ""}, {"name": 3}])
def test_required_text_must_be_a_non_empty_string(document: dict[str, object]) -> None:
    with pytest.raises(SandboxApiError) as raised:
        required_text(document, "name")
    assert (raised.value.status, raised.value.reason) == (
        400,
        "Invalid name; expected a non-empty string",
    )
    assert required_text({"name": "a.png"}, "name") == "a.png"
