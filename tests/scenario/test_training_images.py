from __future__ import annotations

import json

import httpx
import pytest

from scenario_ui.scenario import errors
from scenario_ui.scenario.training_images import add_training_image, remove_training_image
from tests.conftest import retries_requested


def test_an_image_is_added_as_a_data_url_once(fake_api):
    seen = fake_api(lambda request: httpx.Response(200, json={"trainingImage": {"id": "asset_t"}}))
    image_id = add_training_image("model_x", name="a.png", content=b"png", mime_type="image/png")
    assert image_id == "asset_t"
    [request] = seen
    assert (request.method, request.url.path) == ("POST", "/v1/models/model_x/training-images")
    assert json.loads(request.content) == {"data": "data:image/png;base64,cG5n", "name": "a.png"}
    assert retries_requested == [0]


def test_an_image_is_removed_by_its_id(fake_api):
    seen = fake_api(lambda request: httpx.Response(200, json={}))
    remove_training_image("model_x", "asset_t")
    assert (seen[0].method, seen[0].url.path) == (
        "DELETE",
        "/v1/models/model_x/training-images/asset_t",
    )


def test_a_refusal_is_a_typed_error(fake_api):
    fake_api(lambda request: httpx.Response(400, json={"reason": "a.png is not an image"}))
    with pytest.raises(errors.ScenarioBadRequest, match=r"a\.png is not an image"):
        add_training_image("model_x", name="a.png", content=b"x", mime_type="image/png")
