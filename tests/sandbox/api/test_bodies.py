from __future__ import annotations

import pytest

from scenario_ui.sandbox.api.bodies import parse_get_bulk_body
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
