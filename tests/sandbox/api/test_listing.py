from __future__ import annotations

import pytest
from django.http import QueryDict

from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.api.listing import ModelListQuery, fetch_model_page
from scenario_ui.sandbox.api.pagination import PageWindow, encode_pagination_token
from scenario_ui.sandbox.json_types import JsonValue
from tests.sandbox.factories import model_record, store


def parse(query_string: str) -> ModelListQuery:
    return ModelListQuery.from_params(QueryDict(query_string))


def listed_ids(query_string: str) -> list[JsonValue]:
    return [row["id"] for row in fetch_model_page(parse(query_string)).rows]


def test_defaults_match_the_real_api() -> None:
    assert parse("") == ModelListQuery(
        privacy_scope=("private", "unlisted"),
        types=(),
        status=None,
        tags=(),
        sort_column="created_at",
        descending=True,
        window=PageWindow(offset=0, limit=100),
    )


def test_reads_every_parameter() -> None:
    token = encode_pagination_token(PageWindow(offset=40, limit=20))
    query = parse(
        f"privacy=public&types=flux.1-lora,custom&types=sd-1_5&status=trained&tags=Flux, 3D"
        f"&sortBy=updatedAt&sortDirection=asc&pageSize=10&paginationToken={token}"
    )
    assert query == ModelListQuery(
        privacy_scope=("public",),
        types=("flux.1-lora", "custom", "sd-1_5"),
        status="trained",
        tags=("Flux", "3D"),
        sort_column="updated_at",
        descending=False,
        window=PageWindow(offset=40, limit=10),
    )
    assert parse(f"paginationToken={token}").window == PageWindow(offset=40, limit=20)
    assert parse("type=elevenlabs-voice").types == ("elevenlabs-voice",)


@pytest.mark.parametrize(
    ("query_string", "reason"),
    [
        ("privacy=unlisted", 'Invalid privacy "unlisted"; expected one of: private, public'),
        ("sortBy=score", 'Invalid sortBy "score"; expected one of: createdAt, updatedAt'),
        ("sortDirection=up", 'Invalid sortDirection "up"; expected one of: asc, desc'),
        (
            "status=done",
            'Invalid status "done"; expected one of: copying, failed, new, trained, training, '
            "training-canceled, deleted",
        ),
        ("type=custom&types=custom", "Use either type or types, not both"),
        ("pageSize=0", 'Invalid pageSize "0"; expected an integer from 1 to 500'),
        ("pageSize=501", 'Invalid pageSize "501"; expected an integer from 1 to 500'),
        ("pageSize=ten", 'Invalid pageSize "ten"; expected an integer from 1 to 500'),
        ("pageSize=-5", 'Invalid pageSize "-5"; expected an integer from 1 to 500'),
    ],
)
def test_refuses_invalid_parameters_naming_the_valid_options(
    query_string: str, reason: str
) -> None:
    with pytest.raises(SandboxApiError) as raised:
        parse(query_string)
    assert (raised.value.status, raised.value.reason) == (400, reason)


def test_refuses_unknown_types_listing_the_known_ones() -> None:
    with pytest.raises(SandboxApiError) as raised:
        parse("types=custom,sd-4")
    assert raised.value.reason.startswith('Invalid type "sd-4"; expected one of: custom, ')
    assert raised.value.reason.endswith(", zimage-lora, zimage-turbo-lora")


@pytest.mark.django_db
def test_filters_by_privacy_type_status_and_any_tag() -> None:
    store(
        model_record("model_mine", privacy="private", status="new", tags=["Hero"]),
        model_record("model_unlisted", privacy="unlisted", type="flux.1-lora"),
        model_record("model_lora", type="flux.1-lora", tags=["Style", "Flux"]),
        model_record("model_voice", type="elevenlabs-voice", status="failed", tags=["Voice"]),
        model_record("model_video", tags=["Video"]),
    )
    assert set(listed_ids("")) == {"model_mine", "model_unlisted"}
    assert set(listed_ids("privacy=public")) == {"model_lora", "model_voice", "model_video"}
    assert listed_ids("privacy=public&type=flux.1-lora") == ["model_lora"]
    assert set(listed_ids("privacy=public&types=flux.1-lora,elevenlabs-voice")) == {
        "model_lora",
        "model_voice",
    }
    assert listed_ids("privacy=public&status=failed") == ["model_voice"]
    assert listed_ids("status=deleted") == []
    assert set(listed_ids("privacy=public&tags=flux,video")) == {"model_lora", "model_video"}


@pytest.mark.django_db
def test_sorts_by_either_date_in_either_direction_with_a_stable_tie_break() -> None:
    store(
        model_record(
            "model_old", createdAt="2024-01-01T00:00:00Z", updatedAt="2026-03-01T00:00:00Z"
        ),
        model_record(
            "model_new", createdAt="2026-01-01T00:00:00Z", updatedAt="2026-01-01T00:00:00Z"
        ),
        model_record(
            "model_mid_b", createdAt="2025-01-01T00:00:00Z", updatedAt="2026-02-01T00:00:00Z"
        ),
        model_record(
            "model_mid_a", createdAt="2025-01-01T00:00:00Z", updatedAt="2026-02-01T00:00:00Z"
        ),
    )
    assert listed_ids("privacy=public") == ["model_new", "model_mid_b", "model_mid_a", "model_old"]
    assert listed_ids("privacy=public&sortDirection=asc") == [
        "model_old",
        "model_mid_a",
        "model_mid_b",
        "model_new",
    ]
    assert listed_ids("privacy=public&sortBy=updatedAt")[0] == "model_old"


@pytest.mark.django_db
def test_pages_carry_a_token_until_the_last_one() -> None:
    store(*(model_record(f"model_{index}") for index in range(5)))

    pages, token = [], None
    while True:
        suffix = f"&paginationToken={token}" if token else ""
        page = fetch_model_page(parse(f"privacy=public&pageSize=2{suffix}"))
        pages.append(len(page.rows))
        token = page.next_pagination_token
        if token is None:
            break
    assert pages == [2, 2, 1]
    assert "nextPaginationToken" not in page.as_json()


@pytest.mark.django_db
def test_a_full_last_page_carries_no_token() -> None:
    store(*(model_record(f"model_{index}") for index in range(4)))
    first = fetch_model_page(parse("privacy=public&pageSize=2"))
    second_token = first.as_json()["nextPaginationToken"]
    assert second_token == encode_pagination_token(PageWindow(offset=2, limit=2))
    second = fetch_model_page(parse(f"privacy=public&pageSize=2&paginationToken={second_token}"))
    assert len(second.rows) == 2
    assert second.next_pagination_token is None


@pytest.mark.django_db
def test_rows_leave_out_inputs_and_ui_config() -> None:
    store(model_record("model_a"))
    [row] = fetch_model_page(parse("privacy=public")).rows
    assert "inputs" not in row
    assert "uiConfig" not in row
