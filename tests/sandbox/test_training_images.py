"""`POST /models/{id}/training-images` and `DELETE .../training-images/{imageId}`."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, override_settings

from scenario_ui.sandbox.models import SandboxAsset, SandboxModel
from tests.sandbox.conftest import FrozenClock
from tests.sandbox.factories import (
    API_ROOT,
    AUTH_HEADERS,
    data_url,
    png_bytes,
    store,
    trainable_record,
)
from tests.sandbox.http import answer, get, post

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sandbox.urls")]

IMAGES = "/models/model_trainee/training-images"


@pytest.fixture(autouse=True)
def _model(frozen_clock: FrozenClock) -> None:
    store(trainable_record(trainingImagesNumber=0))


def add(client: Client, name: str = "cat.png") -> tuple[int, Any]:
    return answer(post(client, IMAGES, {"data": data_url(png_bytes()), "name": name}))


def delete(client: Client, image_id: str) -> tuple[int, Any]:
    return answer(client.delete(f"{API_ROOT}{IMAGES}/{image_id}", headers=AUTH_HEADERS))


def test_an_added_image_is_listed_and_counted(client: Client) -> None:
    status, body = add(client)
    assert status == 200
    image = body["trainingImage"]
    assert image["name"] == "cat.png"
    assert image["downloadUrl"] == f"/sandbox/v1/assets/{image['id']}/content"
    assert SandboxAsset.objects.get(pk=image["id"]).kind == "image"
    _, model = answer(get(client, "/models/model_trainee"))
    assert model["model"]["trainingImagesNumber"] == 1
    assert [i["id"] for i in model["model"]["trainingImages"]] == [image["id"]]


def test_a_removed_image_is_no_longer_listed(client: Client) -> None:
    _, first = add(client, "a.png")
    add(client, "b.png")
    assert delete(client, first["trainingImage"]["id"]) == (200, {})
    record = SandboxModel.objects.get(pk="model_trainee").record
    assert [i["name"] for i in record["trainingImages"]] == ["b.png"]
    assert record["trainingImagesNumber"] == 1
    assert delete(client, first["trainingImage"]["id"])[0] == 404


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"name": "x.png"}, "Invalid data; expected a non-empty string"),
        ({"data": "aGVsbG8=", "name": "notes.txt"}, "notes.txt is not an image"),
        ({"assetId": "asset_ghost"}, "Asset asset_ghost not found"),
    ],
)
def test_refusals_in_the_api_shape(client: Client, body: dict[str, str], reason: str) -> None:
    status, document = answer(post(client, IMAGES, body))
    assert status in (400, 404)
    assert document["reason"].startswith(reason)


def test_no_change_while_the_model_trains(client: Client) -> None:
    SandboxModel.from_record(trainable_record(status="training")).save(force_update=True)
    status, document = add(client)
    assert status == 400
    assert 'cannot change while it is "training"' in document["reason"]


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_an_image_past_the_size_limit_is_a_413_in_the_api_shape(client: Client) -> None:
    status, document = answer(post(client, IMAGES, {"data": "A" * 2000, "name": "big.png"}))
    assert status == 413
    assert document["reason"] == "Request body larger than 1000 bytes"
