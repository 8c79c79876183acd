from __future__ import annotations

import base64

import pytest
from django.http import QueryDict

from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.api.pagination import (
    PageWindow,
    decode_pagination_token,
    encode_pagination_token,
    page_window,
)


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def test_tokens_are_base64_of_compact_offset_and_limit_like_the_real_api() -> None:
    assert (
        encode_pagination_token(PageWindow(offset=5, limit=5)) == "eyJvZmZzZXQiOjUsImxpbWl0Ijo1fQ=="
    )


def test_tokens_round_trip() -> None:
    window = PageWindow(offset=300, limit=100)
    assert decode_pagination_token(encode_pagination_token(window)) == window


@pytest.mark.parametrize(
    "token",
    [
        "not a token",
        b64("[5, 5]"),
        b64('{"offset": 5}'),
        b64('{"offset": -1, "limit": 5}'),
        b64('{"offset": 0, "limit": 0}'),
        b64('{"offset": true, "limit": 5}'),
        b64('{"offset": 1.5, "limit": 5}'),
        base64.b64encode(b"\xff\xfe").decode(),
    ],
)
def test_malformed_tokens_are_refused(token: str) -> None:
    with pytest.raises(SandboxApiError) as raised:
        decode_pagination_token(token)
    assert raised.value.status == 400
    assert raised.value.reason == (
        f'Invalid paginationToken "{token}"; expected the nextPaginationToken of a previous page'
    )


def query(text: str) -> QueryDict:
    return QueryDict(text)


def test_the_window_starts_at_the_default_size() -> None:
    assert page_window(query(""), 50, 100) == PageWindow(offset=0, limit=50)


def test_a_page_size_overrides_the_token_limit() -> None:
    token = encode_pagination_token(PageWindow(offset=20, limit=10))
    assert page_window(query(f"paginationToken={token}"), 50, 100) == PageWindow(20, 10)
    assert page_window(query(f"paginationToken={token}&pageSize=5"), 50, 100) == PageWindow(20, 5)


@pytest.mark.parametrize("size", ["0", "101", "ten", "-1", "٣"])
def test_page_sizes_outside_the_range_are_refused(size: str) -> None:
    with pytest.raises(SandboxApiError) as raised:
        page_window(query(f"pageSize={size}"), 50, 100)
    assert raised.value.reason == f'Invalid pageSize "{size}"; expected an integer from 1 to 100'
