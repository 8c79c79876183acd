"""`POST /models/{id}/training-images` and `DELETE /models/{id}/training-images/{imageId}`.

A training image is an image asset listed in the model's `trainingImages`, whose
`trainingImagesNumber` counts them. Images are added from a data URL (`data`, with
`name`) or an existing asset (`assetId`); not while the model trains. The request body's
size is bounded by the sandbox's upload limit: past it the answer is a 413 in the API's
error shape (see `api.endpoint`).
"""

from __future__ import annotations

from typing import Any, Final

from django.db import transaction

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.api.bodies import required_text
from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.api.records import find_model_record
from scenario_ui.sandbox.assets import find_asset, store_asset
from scenario_ui.sandbox.files import image_from_upload
from scenario_ui.sandbox.json_types import JsonObject, JsonValue
from scenario_ui.sandbox.models import SandboxModel

LOCKED_STATUSES: Final = ("training", "copying")


def add_training_image(model_id: str, body: dict[str, Any]) -> JsonObject:
    with transaction.atomic():
        record = _unlocked_record(model_id)
        asset_id = body.get("assetId")
        if isinstance(asset_id, str) and asset_id:
            asset = find_asset(asset_id)
            if asset.kind != "image":
                raise SandboxApiError(400, f"Asset {asset_id} is not an image")
        else:
            name = required_text(body, "name")
            asset = store_asset(image_from_upload(required_text(body, "data"), name), "uploaded")
        image: JsonObject = {
            "id": asset.id,
            "name": str(body.get("name") or asset.name),
            "createdAt": clock.iso_timestamp(clock.now()),
            "description": "",
            "automaticCaptioning": "",
            "downloadUrl": f"/sandbox/v1/assets/{asset.id}/content",
        }
        _save(record, [*_images(record), image])
    return {"trainingImage": image}


def delete_training_image(model_id: str, image_id: str) -> JsonObject:
    with transaction.atomic():
        record = _unlocked_record(model_id)
        images = _images(record)
        kept = [image for image in images if image.get("id") != image_id]
        if len(kept) == len(images):
            raise SandboxApiError(404, f"Training image {image_id} not found")
        _save(record, kept)
    return {}


def _unlocked_record(model_id: str) -> JsonObject:
    """The record, its row locked until the change commits (two adds both count)."""
    list(SandboxModel.objects.select_for_update().filter(pk=model_id).values_list("pk"))
    record = find_model_record(model_id)
    if record.get("status") in LOCKED_STATUSES:
        raise SandboxApiError(
            400,
            f'Training images of model {model_id} cannot change while it is "{record["status"]}"',
        )
    return record


def _images(record: JsonObject) -> list[JsonObject]:
    images = record.get("trainingImages")
    return (
        [image for image in images if isinstance(image, dict)] if isinstance(images, list) else []
    )


def _save(record: JsonObject, images: list[JsonObject]) -> None:
    """The listed images; the count follows them, beyond the demo's unlisted ones."""
    listed_before = len(_images(record))
    number = record.get("trainingImagesNumber")
    unlisted = max((number if isinstance(number, int) else 0) - listed_before, 0)
    listed: list[JsonValue] = list(images)
    updated: JsonObject = {
        **record,
        "trainingImages": listed,
        "trainingImagesNumber": unlisted + len(images),
        "updatedAt": clock.iso_timestamp(clock.now()),
    }
    SandboxModel.from_record(updated).save(force_update=True)
