"""The asset endpoints over HTTP, and the credential-free content route."""

from __future__ import annotations

import base64

import pytest
from django.test import Client

from tests.sandbox.conftest import FrozenClock
from tests.sandbox.factories import API_ROOT, data_url, model_record, png_bytes, store
from tests.sandbox.http import answer, get, post

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sandbox.urls")]


def upload(client: Client, name: str = "photo.png", image: str | None = None) -> str:
    body = {"name": name, "image": image or base64.b64encode(png_bytes()).decode()}
    asset_id: str = post(client, "/assets", body).json()["asset"]["id"]
    return asset_id


def test_upload_answers_the_new_image_asset(client: Client) -> None:
    status, document = answer(
        post(client, "/assets", {"name": "a.png", "image": data_url(png_bytes())})
    )
    assert status == 200
    asset = document["asset"]
    assert (asset["kind"], asset["mimeType"], asset["source"]) == ("image", "image/png", "uploaded")
    assert asset["properties"] == {"size": len(png_bytes()), "width": 8, "height": 6}
    assert asset["metadata"]["name"] == "a.png"
    assert asset["url"] == f"{API_ROOT}/assets/{asset['id']}/content"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"name": "a.png", "image": "***"}, "Invalid base64 data in image: "),
        ({"name": "a.png"}, "Invalid image; expected a non-empty string"),
        ({"image": data_url(png_bytes())}, "Invalid name; expected a non-empty string"),
        ({"name": "a.txt", "image": data_url(b"hello")}, "a.txt is not an image"),
    ],
)
def test_upload_refusals(client: Client, body: dict[str, str], reason: str) -> None:
    status, document = answer(post(client, "/assets", body))
    assert status == 400
    assert document["reason"].startswith(reason)


def test_retrieve_and_get_bulk(client: Client) -> None:
    first, second = upload(client), upload(client)
    retrieved = get(client, f"/assets/{first}").json()["asset"]
    assert retrieved["id"] == first
    bulk = post(client, "/assets/get-bulk", {"assetIds": [second, "asset_missing", first]})
    assert [asset["id"] for asset in bulk.json()["assets"]] == [second, first]
    assert bulk.json()["assets"][1] == retrieved


def test_unknown_assets_are_404(client: Client) -> None:
    assert answer(get(client, "/assets/asset_missing")) == (
        404,
        {"reason": "Asset asset_missing not found"},
    )


def test_content_is_served_without_credentials(client: Client) -> None:
    asset_id = upload(client, name="photo.png")
    response = client.get(f"{API_ROOT}/assets/{asset_id}/content")
    assert response.status_code == 200
    assert response.content == png_bytes()
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'inline; filename="photo.png"'
    assert response["Cache-Control"] == "private, max-age=31536000, immutable"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_content_of_an_unknown_asset_is_a_json_404(client: Client) -> None:
    response = client.get(f"{API_ROOT}/assets/asset_missing/content")
    assert answer(response) == (404, {"reason": "Asset asset_missing not found"})


def test_content_only_answers_get_and_head(client: Client) -> None:
    asset_id = upload(client)
    assert client.head(f"{API_ROOT}/assets/{asset_id}/content").status_code == 200
    assert client.delete(f"{API_ROOT}/assets/{asset_id}/content").status_code == 405


@pytest.mark.parametrize(
    ("capability", "magic"),
    [
        ("txt2img", b"\x89PNG"),
        ("txt2video", b"GIF8"),
        ("txt2audio", b"RIFF"),
        ("txt23d", b"glTF"),
    ],
)
def test_job_outputs_are_served(
    client: Client, frozen_clock: FrozenClock, ten_second_jobs: float, capability: str, magic: bytes
) -> None:
    store(model_record("model_maker", capabilities=[capability]))
    job = post(client, "/generate/custom/model_maker", {"prompt": "a cabin"}).json()["job"]
    frozen_clock.advance(10)
    [asset_id] = get(client, f"/jobs/{job['jobId']}").json()["job"]["metadata"]["assetIds"]
    asset = get(client, f"/assets/{asset_id}").json()["asset"]
    content = client.get(asset["url"])
    assert content.content.startswith(magic)
    assert content["Content-Type"] == asset["mimeType"]
    assert asset["metadata"]["parentJobId"] == job["jobId"]
