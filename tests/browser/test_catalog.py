from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_sign_in_search_and_open_a_model(signed_in_page: Page, live_server):
    page = signed_in_page
    expect(page.get_by_text("Sandbox", exact=True)).to_be_visible()
    cards = page.locator(".model-card")
    expect(cards.first).to_be_visible()
    all_count = cards.count()

    # Marks the document: a full reload would lose the mark.
    page.evaluate("window.__noReload = true")
    page.get_by_label("Search by name").fill("ink")
    expect(page).to_have_url(re.compile(r"q=ink"))
    expect(cards).to_have_count(1)
    names = cards.locator("h2").all_inner_texts()
    assert names == ["Inkwash Illustration"]
    assert len(names) < all_count
    assert page.evaluate("window.__noReload") is True

    first_name = names[0]
    cards.first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(first_name)
    raw = page.locator("details.raw-definition")
    expect(raw.locator("pre")).to_be_hidden()
    raw.locator("summary").click()
    expect(raw.locator("pre")).to_contain_text('"name": "Inkwash Illustration"')


def test_filters_narrow_the_catalog_and_empty_results_say_so(signed_in_page: Page):
    page = signed_in_page
    page.get_by_label("Privacy").select_option("private")
    expect(page.locator(".model-card").first).to_be_visible()
    page.get_by_label("Search by name").fill("no model is called this")
    expect(page.get_by_role("heading", name="No models match")).to_be_visible()


def test_sign_in_is_required(page: Page, live_server):
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/"))
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


def test_show_more_comes_back_after_a_search_is_cleared(signed_in_page: Page):
    page = signed_in_page
    more = page.get_by_role("link", name="Show more models")
    expect(more).to_be_visible()
    search = page.get_by_label("Search by name")
    search.fill("ink")
    expect(page.locator(".model-card")).to_have_count(1)
    search.fill("")
    expect(page.locator(".model-card")).to_have_count(12)
    expect(more).to_be_visible()
    page.get_by_label("Type").select_option(index=1)
    page.get_by_label("Type").select_option(index=0)
    expect(page.locator(".model-card")).to_have_count(12)
    expect(more).to_be_visible()
    more.click()
    expect(page.locator(".model-card").filter(has_text="Lumen XL")).to_have_count(1)


def test_leaving_the_search_box_sends_no_second_search(signed_in_page: Page):
    # A second search on blur pushed a URL while the clicked card's page was loading,
    # which cancelled that navigation: the click on a result was lost.
    page = signed_in_page
    page.get_by_label("Search by name").fill("ink")
    expect(page.locator(".model-card")).to_have_count(1)
    searches: list[str] = []
    page.on(
        "request", lambda request: searches.append(request.url) if "q=ink" in request.url else None
    )
    page.get_by_label("Search by name").blur()
    page.get_by_label("Privacy").focus()
    page.wait_for_timeout(400)
    assert searches == []
    page.get_by_label("Privacy").select_option("private")
    expect(page).to_have_url(re.compile(r"privacy=private"))
