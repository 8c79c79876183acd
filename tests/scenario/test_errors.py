from __future__ import annotations

import httpx
import pytest

from scenario_ui.scenario import errors


def test_translate_keeps_a_typed_error():
    error = errors.ScenarioNotFound("gone")
    assert errors.translate(error) is error


def test_translate_reraises_unrelated_exceptions():
    with pytest.raises(KeyError):
        errors.translate(KeyError("bug"))


def test_reason_falls_back_to_message_field():
    error = errors.from_status(
        httpx.Response(400, json={"message": "Input width must be at most 2048"})
    )
    assert isinstance(error, errors.ScenarioBadRequest)
    assert error.message == "Input width must be at most 2048"
    assert error.status_code == 400


def test_bad_request_without_reason_names_the_status():
    error = errors.from_status(httpx.Response(422, content=b""))
    assert error.message == "Scenario rejected the request (HTTP 422)."


@pytest.mark.parametrize(
    ("status", "page_status"), [(404, 404), (429, 429), (500, 502), (401, 502), (400, 400)]
)
def test_pages_get_a_matching_http_status(status, page_status):
    assert errors.from_status(httpx.Response(status, json={})).http_status == page_status


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"Retry-After": "2"}, 2),
        ({"Retry-After": "2.5"}, 3),
        ({"retry-after-ms": "1500"}, 2),
        ({"Retry-After": "0"}, 1),
        ({"Retry-After": "86400"}, 3600),
        ({"Retry-After": "soon"}, errors.DEFAULT_RETRY_AFTER_SECONDS),
        ({"Retry-After": "nan"}, errors.DEFAULT_RETRY_AFTER_SECONDS),
        ({}, errors.DEFAULT_RETRY_AFTER_SECONDS),
        ({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}, 1),
    ],
)
def test_retry_after_reads_seconds_milliseconds_and_dates(headers, seconds):
    assert errors.retry_after_seconds(httpx.Headers(headers)) == seconds


def test_a_429_says_when_the_page_tries_again_and_keeps_the_api_details():
    error = errors.from_status(
        httpx.Response(
            429,
            headers={"Retry-After": "2"},
            json={
                "reason": "Too many jobs",
                "actionName": "parallel-custom-jobs",
                "actionLimit": 3,
            },
        )
    )
    assert isinstance(error, errors.ScenarioRateLimited)
    assert error.message == "Scenario is rate-limiting us, retrying in 2 s (Too many jobs)."
    assert (error.retry_after, error.action_name, error.action_limit) == (
        2,
        "parallel-custom-jobs",
        3,
    )
    assert error.not_retried().message == (
        "Scenario is rate-limiting us: try again in 2 s (Too many jobs)."
    )


def test_a_connection_never_made_is_told_apart_from_one_broken_after_sending():
    request = httpx.Request("POST", "https://api.example.test/v1/x")
    not_sent = errors.translate(httpx.ConnectError("refused", request=request))
    broken = errors.translate(httpx.RemoteProtocolError("reset", request=request))
    assert (type(not_sent), not_sent.request_sent) == (errors.ScenarioUnavailable, False)
    assert (type(broken), broken.request_sent) == (errors.ScenarioUnavailable, True)


def test_an_answer_nested_too_deeply_to_decode_is_a_bad_response():
    error = errors.translate(RecursionError("maximum recursion depth exceeded"))
    assert isinstance(error, errors.ScenarioBadResponse)
