"""The uploads endpoints over HTTP: create, PUT parts to their URLs, complete, read."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client

from tests.sandbox.factories import png_bytes
from tests.sandbox.http import answer, get, post

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sandbox.urls")]


def create(client: Client, **changes: object) -> dict[str, Any]:
    body = {
        "fileName": "red.png",
        "contentType": "image/png",
        "fileSize": len(png_bytes()),
        "parts": 1,
        "kind": "image",
        **changes,
    }
    status, document = answer(post(client, "/uploads", body))
    assert status == 200, document
    upload: dict[str, Any] = document["upload"]
    return upload


def put_part(client: Client, url: str, content: bytes) -> int:
    parts = urlsplit(url)
    response = client.generic("PUT", f"{parts.path}?{parts.query}", content)
    return int(response.status_code)


def test_create_put_complete_then_read(client: Client) -> None:
    upload = create(client)
    assert (upload["status"], upload["source"], upload["partsCount"]) == ("pending", "multipart", 1)
    [part] = upload["parts"]
    assert part["number"] == 1
    # No credentials: the URL is the secret, as the API's signed part URLs are.
    assert put_part(client, part["url"], png_bytes()) == 200
    status, document = answer(
        post(client, f"/uploads/{upload['id']}/action", {"action": "complete"})
    )
    assert status == 200
    done = document["upload"]
    assert done["status"] == "complete"
    assert done["entityId"].startswith("asset_")
    assert "parts" not in done
    assert get(client, f"/uploads/{upload['id']}").json()["upload"] == done
    status, asset = answer(get(client, f"/assets/{done['entityId']}"))
    assert (status, asset["asset"]["kind"]) == (200, "image")


def test_a_wrong_secret_or_part_number_is_refused(client: Client) -> None:
    upload = create(client)
    url = upload["parts"][0]["url"]
    assert put_part(client, url.replace("secret=", "secret=x"), b"1") == 403
    assert put_part(client, url.replace("/parts/1", "/parts/2"), b"1") == 404


def test_completing_with_a_missing_part_says_which(client: Client) -> None:
    upload = create(client, parts=2)
    put_part(client, upload["parts"][0]["url"], png_bytes()[:10])
    status, document = answer(
        post(client, f"/uploads/{upload['id']}/action", {"action": "complete"})
    )
    assert (status, document["reason"]) == (400, f"Upload {upload['id']} is missing part(s) 2")


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"kind": "model"}, 'Invalid kind "model"'),
        ({"fileSize": 0}, "Invalid fileSize"),
        ({"fileSize": 1.5}, "Invalid fileSize"),
        ({"parts": 0}, "Invalid parts"),
        ({"fileName": ""}, "Invalid fileName"),
    ],
)
def test_create_refuses_what_it_cannot_take(
    client: Client, changes: dict[str, Any], reason: str
) -> None:
    body = {"fileName": "a.wav", "contentType": "audio/wav", "fileSize": 10, "parts": 1}
    status, document = answer(post(client, "/uploads", {**body, "kind": "audio", **changes}))
    assert status == 400
    assert document["reason"].startswith(reason)
