"""A model's form may post as many fields as its definition needs, up to a ceiling."""

from __future__ import annotations

from typing import Any

import httpx
from django.test import Client

from scenario_ui.generate.models import Generation
from scenario_ui.schema import parse_definition
from scenario_ui.web.attempts import TOKEN, new_token
from scenario_ui.web.form_posts import FIELDS_FOR_ANY_FORM, FIELDS_PER_INPUT, field_limit

MANY = 1200


def many_inputs(count: int) -> dict[str, Any]:
    inputs = [{"name": "prompt", "type": "string", "required": {"always": True}}]
    inputs += [{"name": f"in{n}", "type": "string"} for n in range(count - 1)]
    return {"id": "model_many", "name": "Many", "inputs": inputs}


def serving(model: dict[str, Any]) -> Any:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(200, json={"model": model})
        return httpx.Response(200, json={"job": {"jobId": "job_many", "status": "queued"}})

    return answer


def test_the_limit_grows_with_the_inputs_rows_included(settings: Any) -> None:
    small = parse_definition(
        {
            "id": "m",
            "inputs": [
                {"name": "a", "type": "string"},
                {"name": "rows", "type": "inputs_array", "inputs": [{"name": "x"}, {"name": "y"}]},
            ],
        }
    )
    assert field_limit(small) == FIELDS_FOR_ANY_FORM + 4 * FIELDS_PER_INPUT
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 3000
    assert field_limit(parse_definition(many_inputs(MANY))) == 3000


def test_a_definition_of_more_than_a_thousand_inputs_posts(
    signed_in: Client, fake_api, settings: Any
) -> None:
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS > MANY
    fake_api(serving(many_inputs(MANY)))
    data = {f"in{n}": "" for n in range(MANY - 1)}
    live = signed_in.post("/models/model_many/form/", {**data, "prompt": "p"})
    assert live.status_code == 200
    submitted = signed_in.post(
        "/models/model_many/generate/", {**data, "prompt": "p", TOKEN: new_token()}
    )
    assert submitted.status_code == 302
    assert Generation.objects.get().request_body == {"prompt": "p"}


def test_a_small_form_cannot_be_flooded(signed_in: Client, fake_api) -> None:
    fake_api(serving(many_inputs(3)))
    flood = {f"junk{n}": "x" for n in range(FIELDS_FOR_ANY_FORM + 3 * FIELDS_PER_INPUT + 1)}
    response = signed_in.post("/models/model_many/form/", {**flood, "prompt": "p"})
    assert response.status_code == 400
