from __future__ import annotations

import json

import httpx
import pytest

from scenario_ui.scenario import errors
from scenario_ui.scenario.prompts import improve_prompt
from tests.conftest import retries_requested


def test_improve_prompt_asks_for_one_completion_for_the_model(fake_api):
    seen = fake_api(
        lambda request: httpx.Response(200, json={"job": {}, "prompts": [" a fox, at dusk "]})
    )
    assert improve_prompt(model_id="model_x", prompt="a fox") == "a fox, at dusk"
    assert seen[0].url.path == "/v1/generate/prompt"
    assert json.loads(seen[0].content) == {
        "mode": "completion",
        "prompt": "a fox",
        "modelId": "model_x",
        "numResults": 1,
    }
    assert retries_requested == [0]


@pytest.mark.parametrize("prompts", [[], ["  "], [3]])
def test_an_answer_without_a_suggestion_is_a_bad_response(fake_api, prompts):
    fake_api(lambda request: httpx.Response(200, json={"job": {}, "prompts": prompts}))
    with pytest.raises(errors.ScenarioBadResponse, match="suggested no prompt"):
        improve_prompt(model_id="model_x", prompt="a fox")
