from __future__ import annotations

import httpx
import pytest

from scenario_ui.catalog import search
from scenario_ui.scenario import gateway


def _rows(*names: str) -> list[dict[str, object]]:
    return [{"id": f"model_{name}", "name": name.title(), "type": "custom"} for name in names]


def _paged_api(pages: dict[str | None, tuple[list[dict[str, object]], str | None]]):
    def handler(request: httpx.Request) -> httpx.Response:
        rows, token = pages[request.url.params.get("paginationToken")]
        body: dict[str, object] = {"models": rows}
        if token:
            body["nextPaginationToken"] = token
        return httpx.Response(200, json=body)

    return handler


def _query(text: str = "") -> search.CatalogQuery:
    return search.CatalogQuery(text=text, filters=gateway.ModelFilters())


def test_name_search_is_case_insensitive_substring():
    assert _query("FLUX").matches({"name": "My flux model"})
    assert not _query("sdxl").matches({"name": "Flux"})
    assert _query("  ").matches({"name": "anything"})


def test_walks_api_pages_until_a_catalog_page_is_full(fake_api, monkeypatch):
    monkeypatch.setattr(search, "CATALOG_PAGE_SIZE", 3)
    fake_api(
        _paged_api(
            {
                None: (_rows("alpha", "beta"), "p2"),
                "p2": (_rows("gamma", "delta", "epsilon"), None),
            }
        )
    )
    first = search.search_catalog(_query())
    assert [m.name for m in first.models] == ["Alpha", "Beta", "Gamma"]
    assert first.next_cursor is not None
    second = search.search_catalog(_query(), first.next_cursor or "")
    assert [m.name for m in second.models] == ["Delta", "Epsilon"]
    assert second.next_cursor is None


def test_cursor_moves_to_next_api_page_when_a_page_ends_exactly(fake_api, monkeypatch):
    monkeypatch.setattr(search, "CATALOG_PAGE_SIZE", 2)
    fake_api(_paged_api({None: (_rows("a1", "a2"), "p2"), "p2": (_rows("b1"), None)}))
    first = search.search_catalog(_query())
    assert search.Position.decode(first.next_cursor or "") == search.Position("p2", 0)
    assert [m.name for m in search.search_catalog(_query(), first.next_cursor or "").models] == [
        "B1"
    ]


def test_filters_by_name_across_pages(fake_api):
    fake_api(
        _paged_api({None: (_rows("flux one", "other"), "p2"), "p2": (_rows("flux two"), None)})
    )
    page = search.search_catalog(_query("flux"))
    assert [m.name for m in page.models] == ["Flux One", "Flux Two"]
    assert page.next_cursor is None


def test_a_request_reads_a_bounded_number_of_api_pages(fake_api, monkeypatch):
    monkeypatch.setattr(search, "MAX_API_PAGES_PER_REQUEST", 2)
    seen = fake_api(
        _paged_api(
            {
                None: (_rows("x1"), "p2"),
                "p2": (_rows("x2"), "p3"),
                "p3": (_rows("match"), None),
            }
        )
    )
    page = search.search_catalog(_query("match"))
    assert page.models == []
    assert len(seen) == 2
    assert [
        m.name for m in search.search_catalog(_query("match"), page.next_cursor or "").models
    ] == ["Match"]


@pytest.mark.parametrize("cursor", ["%%%", "bm90IGpzb24=", "eyJ0IjogMX0="])
def test_bad_cursor_is_rejected_with_a_message(cursor):
    with pytest.raises(search.InvalidCursor, match="no longer valid"):
        search.Position.decode(cursor)
