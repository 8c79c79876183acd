"""Files are capped while they stream in: past its cap, nothing more of a file is kept."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http.multipartparser import MultiPartParser
from django.test import Client, RequestFactory
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from scenario_ui.generate.models import Generation
from scenario_ui.sandbox.models import SandboxAsset
from scenario_ui.schema import parse_definition
from scenario_ui.web.attempts import TOKEN, new_token
from scenario_ui.web.uploads import CappedUploadHandler, OversizedFile, upload_caps
from tests.forms.html import error_text, parse_html
from tests.generate.support import LUMEN, QUILL

KB = 1024


def parse(caps: dict[str, int], data: dict[str, Any]) -> tuple[Any, Any, Any]:
    """Parse a multipart body the way Django does, the capping handler first."""
    body = encode_multipart(BOUNDARY, data)
    request = RequestFactory().get("/")
    capped = CappedUploadHandler(request, caps)
    keeping = TemporaryFileUploadHandler(request)
    meta = {"CONTENT_TYPE": MULTIPART_CONTENT, "CONTENT_LENGTH": str(len(body))}
    post, files = MultiPartParser(meta, io.BytesIO(body), [capped, keeping]).parse()
    return post, files, keeping


def upload(name: str, size: int) -> io.BytesIO:
    file = io.BytesIO(b"x" * size)
    file.name = name
    return file


def test_a_file_within_its_cap_is_kept_whole(settings: Any) -> None:
    _, files, _ = parse({"doc__upload": 10 * KB}, {"doc__upload": upload("a.txt", 4 * KB)})
    kept = files["doc__upload"]
    assert not isinstance(kept, OversizedFile)
    assert kept.size == 4 * KB
    assert kept.read() == b"x" * 4 * KB


def test_past_its_cap_a_file_keeps_only_its_size_and_later_fields_still_arrive() -> None:
    post, files, keeping = parse(
        {"doc__upload": 64 * KB},
        {"doc__upload": upload("big.txt", 1024 * KB), "prompt": "typed after the file"},
    )
    oversized = files["doc__upload"]
    assert isinstance(oversized, OversizedFile)
    assert (oversized.name, oversized.size, oversized.limit) == ("big.txt", 1024 * KB, 64 * KB)
    # What reached the storing handler stopped at the cap (one chunk at most past it).
    assert keeping.file.size <= 64 * KB
    assert post["prompt"] == "typed after the file"
    with pytest.raises(ValueError, match="over its upload limit"):
        oversized.read()


def test_a_field_without_a_cap_gets_the_apps_limit(settings: Any) -> None:
    settings.MAX_UPLOAD_BYTES = 8 * KB
    _, files, _ = parse({}, {"other__upload": upload("a.bin", 100 * KB)})
    assert isinstance(files["other__upload"], OversizedFile)
    assert files["other__upload"].limit == 8 * KB


def test_caps_follow_max_size_under_the_apps_limit(settings: Any) -> None:
    settings.MAX_UPLOAD_BYTES = 10 * KB
    definition = parse_definition(
        {
            "id": "m",
            "inputs": [
                {"name": "small", "type": "file", "maxSize": 2 * KB},
                {"name": "huge", "type": "file_array", "maxSize": 10**9},
                {"name": "free", "type": "file"},
                {"name": "prompt", "type": "string"},
            ],
        }
    )
    assert upload_caps(definition) == {
        "small__upload": 2 * KB,
        "huge__upload": 10 * KB,
        "free__upload": 10 * KB,
    }


@pytest.mark.usefixtures("seeded_sandbox")
def test_a_file_over_the_apps_limit_is_a_form_error_and_the_typed_values_stay(
    signed_in: Client, settings: Any
) -> None:
    settings.MAX_UPLOAD_BYTES = 2 * KB
    response = signed_in.post(
        f"/models/{LUMEN}/generate/",
        {
            "prompt": "a lighthouse",
            "image__upload": upload("reference.png", 5 * KB),
            TOKEN: new_token(),
        },
    )
    assert response.status_code == 422
    root = parse_html(response.content.decode())
    assert error_text(root, "image") == "Must be at most 2 KB (reference.png is 5 KB)."
    assert root.one("textarea", name="prompt").text == "a lighthouse"
    assert (Generation.objects.count(), SandboxAsset.objects.count()) == (0, 0)


@pytest.mark.usefixtures("seeded_sandbox")
def test_a_file_over_its_max_size_is_refused_without_being_kept(signed_in: Client) -> None:
    response = signed_in.post(
        f"/models/{QUILL}/generate/",
        {"instruction": "summarise", "documents__upload": upload("notes.txt", 6 * 1024 * KB)},
    )
    assert response.status_code == 422
    root = parse_html(response.content.decode())
    assert error_text(root, "documents") == "Must be at most 5 MB (notes.txt is 6 MB)."


@pytest.mark.usefixtures("seeded_sandbox")
def test_the_submit_still_checks_the_csrf_token(user: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post(f"/models/{LUMEN}/generate/", {"prompt": "p", TOKEN: new_token()})
    assert response.status_code == 403
    assert Generation.objects.count() == 0
