"""Catalog search: name and capability matching over the API's cursor pages.

The API filters by privacy, type and status itself; name search and capability
are applied here, walking API pages until a catalog page is full. Our cursor
remembers the API token and how far into that API page we got.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass

from scenario_ui.scenario import gateway
from scenario_ui.scenario.calls import JsonObject
from scenario_ui.schema import ModelDefinition, parse_definition

CATALOG_PAGE_SIZE = 12
API_PAGE_SIZE = 50
# Bounds the API calls one catalog request can make when few rows match.
MAX_API_PAGES_PER_REQUEST = 8


class InvalidCursor(ValueError):
    pass


@dataclass(frozen=True)
class CatalogQuery:
    text: str
    filters: gateway.ModelFilters

    def matches(self, row: JsonObject) -> bool:
        needle = self.text.strip().casefold()
        return not needle or needle in str(row.get("name", "")).casefold()


@dataclass(frozen=True)
class Position:
    api_token: str | None
    offset: int

    def encode(self) -> str:
        raw = json.dumps({"t": self.api_token, "o": self.offset}).encode()
        return base64.urlsafe_b64encode(raw).decode()

    @classmethod
    def decode(cls, cursor: str) -> Position:
        try:
            data = json.loads(base64.urlsafe_b64decode(cursor.encode()))
            token, offset = data["t"], data["o"]
        except (binascii.Error, ValueError, KeyError, TypeError) as exc:
            raise InvalidCursor("That page link is no longer valid.") from exc
        if not (token is None or isinstance(token, str)) or not isinstance(offset, int):
            raise InvalidCursor("That page link is no longer valid.")
        return cls(api_token=token, offset=max(offset, 0))


@dataclass(frozen=True)
class CatalogPage:
    models: list[ModelDefinition]
    next_cursor: str | None


def search_catalog(
    query: CatalogQuery, cursor: str = "", *, page_size: int | None = None
) -> CatalogPage:
    limit = page_size or CATALOG_PAGE_SIZE
    position = Position.decode(cursor) if cursor else Position(api_token=None, offset=0)
    found: list[ModelDefinition] = []
    for _ in range(MAX_API_PAGES_PER_REQUEST):
        page = gateway.list_models(
            query.filters, page_token=position.api_token, page_size=API_PAGE_SIZE
        )
        for index in range(position.offset, len(page.rows)):
            row = page.rows[index]
            if not query.matches(row):
                continue
            found.append(parse_definition(row))
            if len(found) == limit:
                return CatalogPage(found, _cursor_after(position.api_token, index, page))
        if page.next_token is None:
            return CatalogPage(found, None)
        position = Position(api_token=page.next_token, offset=0)
    return CatalogPage(found, position.encode())


def _cursor_after(token: str | None, index: int, page: gateway.ModelPage) -> str | None:
    if index + 1 < len(page.rows):
        return Position(api_token=token, offset=index + 1).encode()
    if page.next_token is not None:
        return Position(api_token=page.next_token, offset=0).encode()
    return None
