from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest

from scenario_ui.scenario import errors
from scenario_ui.scenario.usages import AccountUsage, ModelUsage, read_report, usage_report

NOV_1, NOV_30 = date(2026, 11, 1), date(2026, 11, 30)

ANSWER: dict[str, Any] = {
    "consumption": [
        {"userId": "user_a", "value": 12.5, "discount": 0, "total": 12.5},
        {"userId": "user_key", "value": 40, "discount": 1, "total": 41},
        {"userId": "user_bad", "value": "lots"},
        "not an entry",
    ],
    "modelUsages": [
        {
            "modelId": "model_lumen",
            "points": [
                {"time": "2026-11-02T00:00:00.000Z", "jobs": 3, "cost": 9, "discount": 0},
                {"time": "2026-11-03T00:00:00.000Z", "jobs": 1, "cost": 2.5, "discount": 0},
                {"time": "2026-11-04T00:00:00.000Z", "jobs": "x", "cost": None},
            ],
        },
        {"modelId": "model_gone", "points": []},
    ],
    "entities": {
        "users": [
            {"id": "user_a", "isApiKey": False, "fullName": "Ana Lee"},
            {"id": "user_key", "isApiKey": True, "apiKeyId": "key_1"},
        ],
        "models": [{"id": "model_lumen", "name": "Lumen <XL>"}],
    },
}


def test_one_call_asks_for_the_two_types_without_zero_points(fake_api) -> None:
    seen = fake_api(lambda request: httpx.Response(200, json=ANSWER))
    report = usage_report(first=NOV_1, last=NOV_30)
    [request] = seen
    assert request.url.path == "/v1/usages"
    assert dict(request.url.params) == {
        "type": "consumption,model-usages",
        "startDate": "2026-11-01T00:00:00.000Z",
        "endDate": "2026-12-01T00:00:00.000Z",
        "dropZeroPoints": "true",
    }
    assert report.accounts == (
        AccountUsage(user_id="user_key", name="API key key_1", cu=40),
        AccountUsage(user_id="user_a", name="Ana Lee", cu=12.5),
    )
    assert report.models == (
        ModelUsage(model_id="model_lumen", name="Lumen <XL>", jobs=4, cu=11.5),
        ModelUsage(model_id="model_gone", name="model_gone", jobs=0, cu=0),
    )
    assert (report.total_cu, report.total_jobs) == (52.5, 4)


def test_the_answer_is_cached_per_range(fake_api) -> None:
    seen = fake_api(lambda request: httpx.Response(200, json=ANSWER))
    first = usage_report(first=NOV_1, last=NOV_30)
    assert usage_report(first=NOV_1, last=NOV_30) == first
    assert len(seen) == 1
    usage_report(first=NOV_1, last=date(2026, 11, 7))
    assert len(seen) == 2


def test_a_failure_is_not_cached(fake_api) -> None:
    answers = iter([httpx.Response(500, json={"reason": "boom"}), httpx.Response(200, json=ANSWER)])
    seen = fake_api(lambda request: next(answers))
    with pytest.raises(errors.ScenarioServerError, match="HTTP 500: boom"):
        usage_report(first=NOV_1, last=NOV_30)
    assert usage_report(first=NOV_1, last=NOV_30).total_jobs == 4
    assert len(seen) == 2


def test_a_rate_limit_says_when_to_try_again(fake_api) -> None:
    fake_api(lambda request: httpx.Response(429, headers={"Retry-After": "12"}, json={}))
    with pytest.raises(errors.ScenarioRateLimited) as raised:
        usage_report(first=NOV_1, last=NOV_30)
    assert raised.value.message == "Scenario is rate-limiting us: try again in 12 s."


def test_refused_credentials(fake_api) -> None:
    fake_api(lambda request: httpx.Response(403, json={"reason": "Forbidden"}))
    with pytest.raises(errors.ScenarioAuthError, match="Check SCENARIO_SDK_API_KEY"):
        usage_report(first=NOV_1, last=NOV_30)


def test_a_broken_connection(fake_api) -> None:
    def broken(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadError("reset", request=request)

    fake_api(broken)
    with pytest.raises(errors.ScenarioUnavailable):
        usage_report(first=NOV_1, last=NOV_30)


@pytest.mark.parametrize(
    "answer", [[], {"consumption": []}, {"consumption": {}, "modelUsages": []}]
)
def test_an_answer_without_the_asked_lists_is_malformed(answer: Any) -> None:
    with pytest.raises(errors.ScenarioBadResponse, match="expected an object with a"):
        read_report(answer, first=NOV_1, last=NOV_30)


def test_entities_are_optional() -> None:
    report = read_report(
        {"consumption": [{"userId": "user_a", "value": 1}], "modelUsages": [], "entities": "x"},
        first=NOV_1,
        last=NOV_30,
    )
    assert report.accounts == (AccountUsage(user_id="user_a", name="user_a", cu=1),)
