"""Cursor tokens like the real API's: base64 of `{"offset":N,"limit":N}`."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import TypeGuard

from django.http import QueryDict

from scenario_ui.sandbox.api.errors import SandboxApiError


@dataclass(frozen=True)
class PageWindow:
    offset: int
    limit: int


def page_window(params: QueryDict, default_size: int, max_size: int) -> PageWindow:
    """The window of `paginationToken` and `pageSize`; a pageSize given overrides the token's."""
    token = params.get("paginationToken")
    start = decode_pagination_token(token) if token else PageWindow(0, default_size)
    raw_size = params.get("pageSize")
    if not raw_size:
        return start
    if raw_size.isascii() and raw_size.isdigit() and 1 <= int(raw_size) <= max_size:
        return PageWindow(offset=start.offset, limit=int(raw_size))
    raise SandboxApiError(
        400, f'Invalid pageSize "{raw_size}"; expected an integer from 1 to {max_size}'
    )


def encode_pagination_token(window: PageWindow) -> str:
    payload = json.dumps({"offset": window.offset, "limit": window.limit}, separators=(",", ":"))
    return base64.b64encode(payload.encode("ascii")).decode("ascii")


def decode_pagination_token(token: str) -> PageWindow:
    try:
        payload = json.loads(base64.b64decode(token, validate=True))
    except (binascii.Error, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _invalid_token(token) from error
    if not isinstance(payload, dict):
        raise _invalid_token(token)
    offset, limit = payload.get("offset"), payload.get("limit")
    if not _is_count(offset) or not _is_count(limit) or limit == 0:
        raise _invalid_token(token)
    return PageWindow(offset=offset, limit=limit)


def _is_count(value: object) -> TypeGuard[int]:
    # bool is an int subclass, and `true` is no offset.
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _invalid_token(token: str) -> SandboxApiError:
    return SandboxApiError(
        400,
        f'Invalid paginationToken "{token}"; expected the nextPaginationToken of a previous page',
    )
