from __future__ import annotations

import pytest

from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.api.records import find_model_record, rows_in_requested_order
from tests.sandbox.factories import model_record, store

pytestmark = pytest.mark.django_db


def test_find_returns_the_full_record() -> None:
    record = model_record("model_a")
    store(record)
    assert find_model_record("model_a") == record


def test_find_refuses_unknown_ids() -> None:
    with pytest.raises(SandboxApiError) as raised:
        find_model_record("model_missing")
    assert (raised.value.status, raised.value.reason) == (404, "Model model_missing not found")


def test_rows_follow_the_requested_order_skipping_unknown_and_repeated_ids() -> None:
    store(model_record("model_a"), model_record("model_b"), model_record("model_c"))
    rows = rows_in_requested_order(["model_c", "model_missing", "model_a", "model_c"])
    assert [row["id"] for row in rows] == ["model_c", "model_a"]
    assert all("inputs" not in row and "uiConfig" not in row for row in rows)
    assert rows_in_requested_order([]) == []
