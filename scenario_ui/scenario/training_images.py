"""A model's training images (`models.training_images`): add one from a file, remove one."""

from __future__ import annotations

import base64

from scenario_ui.scenario.calls import JsonObject, call_action, expect_key
from scenario_ui.scenario.gateway import forget_model


def add_training_image(model_id: str, *, name: str, content: bytes, mime_type: str) -> str:
    """Upload an image as a training image of the model; its id comes back."""
    data_url = f"data:{mime_type};base64,{base64.b64encode(content).decode()}"
    try:
        answer = call_action(
            lambda client: client.models.training_images.with_raw_response.add(
                model_id, data=data_url, name=name
            )
        )
    finally:
        # The model's count and list may have changed, whatever the answer.
        forget_model(model_id)
    image: JsonObject = expect_key(answer, "trainingImage", dict)
    return str(image.get("id", ""))


def remove_training_image(model_id: str, image_id: str) -> None:
    try:
        call_action(
            lambda client: client.models.training_images.with_raw_response.delete(
                image_id, model_id=model_id
            )
        )
    finally:
        forget_model(model_id)
