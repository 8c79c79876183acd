from __future__ import annotations

import pytest
from scenario_sdk.types.asset_retrieve_response import AssetRetrieveResponse

from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.assets import (
    asset_json,
    assets_in_requested_order,
    content_url,
    find_asset,
    require_assets,
    store_asset,
)
from scenario_ui.sandbox.files import FileContent
from scenario_ui.sandbox.models import SandboxJob
from tests.sandbox.conftest import FrozenClock
from tests.sandbox.sdk_shapes import shape_problems

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sandbox.urls")]

PICTURE = FileContent(
    kind="image",
    mime_type="image/png",
    name="picture.png",
    content=b"\x89PNG...",
    properties={"width": 8, "height": 6},
)


def test_stores_a_file_with_its_size_and_the_time(frozen_clock: FrozenClock) -> None:
    asset = store_asset(PICTURE, source="uploaded")
    stored = find_asset(asset.id)
    assert stored.id.startswith("asset_")
    assert (stored.name, stored.size, bytes(stored.content)) == ("picture.png", 7, b"\x89PNG...")
    assert stored.created_at == frozen_clock.moment


def test_unknown_assets_are_404() -> None:
    with pytest.raises(SandboxApiError) as raised:
        find_asset("asset_missing")
    assert (raised.value.status, raised.value.reason) == (404, "Asset asset_missing not found")


def test_require_assets_names_the_first_missing_one() -> None:
    known = store_asset(PICTURE, source="uploaded").id
    require_assets([known, known])
    with pytest.raises(SandboxApiError) as raised:
        require_assets([known, "asset_x", "asset_y"])
    assert (raised.value.status, raised.value.reason) == (404, "Asset asset_x not found")


def test_bulk_reads_follow_the_requested_order() -> None:
    first, second = (store_asset(PICTURE, source="uploaded").id for _ in range(2))
    found = assets_in_requested_order([second, "asset_missing", first, second])
    assert [asset.id for asset in found] == [second, first]


def test_the_url_is_path_absolute_under_the_api_root() -> None:
    assert content_url("asset_a") == "/sandbox/v1/assets/asset_a/content"


def test_an_uploaded_asset_in_the_api_shape(frozen_clock: FrozenClock) -> None:
    asset = store_asset(PICTURE, source="uploaded")
    document = asset_json(asset)
    assert document == {
        "id": asset.id,
        "url": f"/sandbox/v1/assets/{asset.id}/content",
        "mimeType": "image/png",
        "kind": "image",
        "source": "uploaded",
        "status": "success",
        "privacy": "private",
        "authorId": "user_sandbox-demo",
        "ownerId": "proj_sandbox-demo",
        "collectionIds": [],
        "editCapabilities": [],
        "tags": [],
        "properties": {"size": 7, "width": 8, "height": 6},
        "metadata": {"kind": "image", "type": "uploaded", "name": "picture.png"},
        "createdAt": "2026-03-01T12:00:00.000Z",
        "updatedAt": "2026-03-01T12:00:00.000Z",
    }
    assert shape_problems(AssetRetrieveResponse, {"asset": document}) == []


def test_a_job_output_names_its_job_and_position(frozen_clock: FrozenClock) -> None:
    job = SandboxJob.objects.create(
        model_id="model_a",
        input={},
        created_at=frozen_clock.moment,
        duration_seconds=1,
        generation_cost=4,
        quality_gate_cost=1.75,
    )
    document = asset_json(store_asset(PICTURE, source="txt2img", job=job, output_index=1))
    assert document["outputIndex"] == 1
    assert document["metadata"] == {
        "kind": "image",
        "type": "txt2img",
        "name": "picture.png",
        "parentJobId": job.id,
        "outputIndex": 1,
    }
    assert shape_problems(AssetRetrieveResponse, {"asset": document}) == []
