from __future__ import annotations

import pytest
from pydantic import Field, ValidationError

from scenario_ui.schema.base import SchemaModel


class Sample(SchemaModel):
    cost_impact: bool | None = Field(default=None, alias="costImpact")
    label: str | None = None


def test_reads_camel_case_aliases() -> None:
    assert Sample.model_validate({"costImpact": True}).cost_impact is True


def test_also_reads_snake_case_names() -> None:
    assert Sample.model_validate({"cost_impact": False}).cost_impact is False


def test_keeps_unknown_fields_as_extra() -> None:
    sample = Sample.model_validate({"label": "A", "futureField": [1]})

    assert sample.model_extra == {"futureField": [1]}


@pytest.mark.parametrize("data", [{"costImpact": "true"}, {"costImpact": 1}, {"label": 5}])
def test_does_not_coerce_wrong_json_types(data: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Sample.model_validate(data)


def test_is_frozen() -> None:
    sample = Sample.model_validate({"label": "A"})

    with pytest.raises(ValidationError):
        sample.label = "B"  # type: ignore[misc]
