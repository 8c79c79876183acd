from __future__ import annotations

import json

import httpx
import pytest

from scenario_ui.scenario import errors, gateway

MODEL = {"id": "model_x", "name": "X", "inputs": [{"name": "prompt", "type": "string"}]}


def _json(status: int, body: object) -> httpx.Response:
    return httpx.Response(status, json=body)


def test_retrieve_returns_model_object(fake_api):
    fake_api(lambda request: _json(200, {"model": MODEL}))
    assert gateway.retrieve_model("model_x") == MODEL


def test_retrieve_is_cached_and_fetched_once(fake_api):
    seen = fake_api(lambda request: _json(200, {"model": MODEL}))
    gateway.retrieve_model("model_x")
    gateway.retrieve_model("model_x")
    assert len(seen) == 1
    assert seen[0].url.path == "/v1/models/model_x"


def test_forget_model_drops_the_cached_definition(fake_api):
    seen = fake_api(lambda request: _json(200, {"model": MODEL}))
    gateway.retrieve_model("model_x")
    gateway.forget_model("model_x")
    gateway.retrieve_model("model_x")
    assert len(seen) == 2


def test_a_fetch_caches_the_records_version_and_forgetting_drops_it(fake_api):
    fake_api(lambda request: _json(200, {"model": {**MODEL, "updatedAt": "2026-01-02T03:04:05Z"}}))
    assert gateway.model_version("model_x") is None
    record = gateway.retrieve_model("model_x")
    version = gateway.model_version("model_x")
    assert version == gateway.record_version(record)
    assert version is not None
    assert version.startswith("2026-01-02T03:04:05Z/")
    gateway.forget_model("model_x")
    assert gateway.model_version("model_x") is None


def test_any_change_to_a_record_changes_its_version():
    dated = {**MODEL, "updatedAt": "2026-01-02T03:04:05Z"}
    # A status can move without updatedAt moving: the digest still tells them apart.
    moved = {**dated, "status": "trained"}
    assert gateway.record_version(dated) == gateway.record_version(dict(reversed(dated.items())))
    assert gateway.record_version(dated) != gateway.record_version(moved)
    assert gateway.record_version(MODEL).startswith("/")


def test_failures_are_not_cached(fake_api):
    answers = iter([_json(503, {"reason": "busy"}), _json(200, {"model": MODEL})])
    fake_api(lambda request: next(answers))
    with pytest.raises(errors.ScenarioServerError):
        gateway.retrieve_model("model_x")
    assert gateway.retrieve_model("model_x") == MODEL


def test_list_models_sends_filters_and_returns_next_token(fake_api):
    seen = fake_api(
        lambda request: _json(200, {"models": [{"id": "a"}], "nextPaginationToken": "tok2"})
    )
    page = gateway.list_models(
        gateway.ModelFilters(privacy="private", type="flux.1-lora", status="trained"),
        page_token="tok1",
        page_size=5,
    )
    assert page == gateway.ModelPage(rows=[{"id": "a"}], next_token="tok2")
    params = seen[0].url.params
    assert params["privacy"] == "private"
    assert params["type"] == "flux.1-lora"
    assert params["status"] == "trained"
    assert params["paginationToken"] == "tok1"
    assert params["pageSize"] == "5"


def test_list_models_without_token_means_last_page(fake_api):
    fake_api(lambda request: _json(200, {"models": []}))
    assert gateway.list_models(gateway.ModelFilters()).next_token is None


def test_list_models_filters_capability_locally(fake_api):
    rows = [
        {"id": "a", "capabilities": ["txt2img"]},
        {"id": "b", "capabilities": ["txt2video"]},
        {"id": "c"},
    ]
    seen = fake_api(lambda request: _json(200, {"models": rows}))
    page = gateway.list_models(gateway.ModelFilters(capability="txt2video"))
    assert [row["id"] for row in page.rows] == ["b"]
    assert "capability" not in seen[0].url.params


def test_get_bulk_posts_ids(fake_api):
    seen = fake_api(lambda request: _json(200, {"models": [{"id": "a"}, {"id": "b"}]}))
    assert [row["id"] for row in gateway.get_bulk(["a", "b"])] == ["a", "b"]
    assert seen[0].method == "POST"
    assert json.loads(seen[0].content)["modelIds"] == ["a", "b"]


def test_get_bulk_of_nothing_makes_no_call(fake_api):
    seen = fake_api(lambda request: _json(200, {"models": []}))
    assert gateway.get_bulk([]) == []
    assert seen == []


def _raise(exc: Exception):
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return handler


@pytest.mark.parametrize(
    ("handler", "error_type", "message_part"),
    [
        (_raise(httpx.ReadTimeout("slow")), errors.ScenarioTimeout, "took too long"),
        (_raise(httpx.ConnectError("refused")), errors.ScenarioUnavailable, "Could not connect"),
        (
            lambda r: _json(401, {"reason": "Unauthorized"}),
            errors.ScenarioAuthError,
            "Unauthorized",
        ),
        (
            lambda r: _json(403, {"reason": "Forbidden"}),
            errors.ScenarioAuthError,
            "SCENARIO_SDK_API_KEY",
        ),
        (
            lambda r: _json(404, {"reason": "Model model_x not found"}),
            errors.ScenarioNotFound,
            "Model model_x not found",
        ),
        (
            lambda r: _json(429, {"reason": "Too many", "actionName": "read", "actionLimit": 10}),
            errors.ScenarioRateLimited,
            "Too many",
        ),
        (lambda r: _json(500, {"reason": "boom"}), errors.ScenarioServerError, "HTTP 500: boom"),
        (
            lambda r: httpx.Response(502, text="<html>bad gateway</html>"),
            errors.ScenarioServerError,
            "HTTP 502",
        ),
        (
            lambda r: httpx.Response(
                200, text="not json", headers={"content-type": "application/json"}
            ),
            errors.ScenarioBadResponse,
            "malformed",
        ),
        (lambda r: _json(200, {"unexpected": True}), errors.ScenarioBadResponse, "'model' object"),
        (lambda r: _json(200, ["a", "list"]), errors.ScenarioBadResponse, "malformed"),
    ],
)
def test_every_fault_becomes_a_typed_error(fake_api, handler, error_type, message_part):
    fake_api(handler)
    with pytest.raises(error_type) as caught:
        gateway.retrieve_model("model_x")
    assert message_part in caught.value.message


def test_rate_limit_carries_the_action(fake_api):
    fake_api(
        lambda r: _json(429, {"reason": "slow down", "actionName": "generate", "actionLimit": 3})
    )
    with pytest.raises(errors.ScenarioRateLimited) as caught:
        gateway.list_models(gateway.ModelFilters())
    assert (caught.value.action_name, caught.value.action_limit) == ("generate", 3)


def test_malformed_list_is_a_bad_response(fake_api):
    fake_api(lambda r: _json(200, {"models": "nope"}))
    with pytest.raises(errors.ScenarioBadResponse, match="'models' list"):
        gateway.list_models(gateway.ModelFilters())
