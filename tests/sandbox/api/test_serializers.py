from __future__ import annotations

from scenario_ui.sandbox.api.serializers import list_row
from tests.sandbox.factories import model_record


def test_list_rows_leave_out_inputs_and_ui_config_only() -> None:
    record = model_record("model_a")
    row = list_row(record)
    assert set(record) - set(row) == {"inputs", "uiConfig"}
    assert {key: record[key] for key in row} == row
    assert "inputs" in record
