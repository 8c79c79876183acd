"""The Train page's training images: listed, added by upload, removed (models.training_images)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from scenario_ui.sandbox.models import SandboxModel
from scenario_ui.training.models import Training
from tests.forms.html import Element, parse_html
from tests.generate.support import png_bytes

pytestmark = pytest.mark.usefixtures("seeded_sandbox")

MASCOT = "model_demo-my-mascot-flux"
TRAIN = f"/models/{MASCOT}/train/"


def page(client: Client) -> Element:
    return parse_html(client.get(TRAIN).content.decode())


def upload(client: Client, *files: SimpleUploadedFile) -> Any:
    return client.post(f"{TRAIN}images/", {"images": list(files)}, follow=True)


def png(name: str = "cat.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def alerts(response: Any) -> list[str]:
    root = parse_html(response.content.decode())
    return [alert.text for alert in root.find_all(role="alert")]


def test_the_train_page_offers_to_add_images(signed_in: Client) -> None:
    section = page(signed_in).by_id("training-images")
    assert "14 training images; Scenario lists 0 of them here." in section.text
    files = section.one("input", type="file")
    assert (files.get("name"), files.has("multiple")) == ("images", True)


def test_added_images_are_listed_counted_and_can_be_removed(signed_in: Client) -> None:
    response = upload(signed_in, png("a.png"), png("b.png"))
    assert "Added 2 training images." in alerts(response)
    section = page(signed_in).by_id("training-images")
    assert [n.text for n in section.find_all(class_="training-images__name")] == ["a.png", "b.png"]
    assert "16 training images" in section.text
    # The form's defaults follow the new count (Flux: 100 steps per image).
    assert page(signed_in).one("input", name="maxTrainSteps").get("value") == "1600"

    first = SandboxModel.objects.get(pk=MASCOT).record["trainingImages"][0]["id"]
    removed = signed_in.post(f"{TRAIN}images/{first}/remove/", follow=True)
    assert "Removed the training image." in alerts(removed)
    names = page(signed_in).by_id("training-images").find_all(class_="training-images__name")
    assert [n.text for n in names] == ["b.png"]


def test_a_file_that_is_not_an_image_is_refused_and_the_others_added(signed_in: Client) -> None:
    notes = SimpleUploadedFile("notes.txt", b"hello", content_type="text/plain")
    response = upload(signed_in, notes, png())
    assert alerts(response) == [
        "notes.txt is not an image (text/plain).",
        "Added 1 training image.",
    ]


def test_a_file_past_the_upload_limit_is_refused_by_name(signed_in: Client, settings: Any) -> None:
    settings.MAX_UPLOAD_BYTES = 10
    response = upload(signed_in, png("huge.png"))
    [alert] = alerts(response)
    assert alert.startswith("huge.png is ")
    assert alert.endswith(": at most 10 bytes.")


def test_removing_an_unknown_image_says_so(signed_in: Client) -> None:
    response = signed_in.post(f"{TRAIN}images/asset_ghost/remove/", follow=True)
    assert alerts(response) == [
        "The training image was not removed. Training image asset_ghost not found"
    ]


def test_no_change_while_the_model_trains(signed_in: Client) -> None:
    record = {**SandboxModel.objects.get(pk=MASCOT).record, "status": "training"}
    SandboxModel.from_record(record).save(force_update=True)
    section = page(signed_in).by_id("training-images")
    assert section.find_all("input", type="file") == []
    assert 'cannot change while the model is "training"' in section.text


def test_another_users_training_images_are_not_theirs(
    signed_in: Client, django_user_model: Any
) -> None:
    other = django_user_model.objects.create_user("other", password="a-long-password")
    Training.objects.create(user=other, model_id=MASCOT, outcome=Training.Outcome.STARTED)
    assert signed_in.post(f"{TRAIN}images/", {"images": [png()]}).status_code == 404
