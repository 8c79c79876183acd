"""The activity feed's views: page and htmx fragment, permalinks, bad filters, live rows,
the CSV export, and who may open them."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.http import StreamingHttpResponse
from django.test import Client

from scenario_ui.team import feed as feed_module
from tests.conftest import user_with_role
from tests.forms.html import Element, parse_html
from tests.team.feed_support import IMAGE, ago, generation, training

pytestmark = pytest.mark.django_db

FEED = "/team/"
HTMX = {"HX-Request": "true"}


@pytest.fixture
def lead() -> Client:
    client = Client()
    client.force_login(user_with_role("lena", "lead"))
    return client


def html_of(response: Any) -> Element:
    return parse_html(response.content.decode())


def labelled(label: str) -> Callable[[Element], bool]:
    return lambda element: element.get("aria-label") == label


def body_rows(page: Element) -> list[Element]:
    return page.by_id("feed-results").one("tbody").find_all("tr")


def test_the_page_lists_everyones_jobs_with_filters_and_export(lead: Client) -> None:
    ann = user_with_role("ann", "member")
    done = generation(ann, prompt="a red fox", results=[IMAGE], creative_units=4.0, at=ago(hours=1))
    generation(None, prompt="imported", at=ago(hours=2))
    response = lead.get(FEED)
    assert response.status_code == 200
    page = html_of(response)
    assert page.one("h1").text == "Team activity"
    rows = body_rows(page)
    assert len(rows) == 2
    first = rows[0]
    assert first.get("id") == f"feed-generation-{done.pk}"
    assert first.one("a").get("href") == f"/jobs/{done.pk}/"
    assert "a red fox" in first.text
    assert "ann" in first.text
    assert "4 CU" in first.text
    assert first.one("img").get("src") == "/a/1.png"
    assert "External (API / web app)" in rows[1].text
    assert page.one("a", download="").get("href") == "/team/feed.csv"
    form = page.one("form", role="search")
    assert form.get("hx-get") == FEED
    assert form.get("method") == "get"
    current = page.one("nav", labelled("Team")).one(
        "a", lambda link: link.get("aria-current") == "page"
    )
    assert (current.text, current.get("href")) == ("Activity", FEED)


def test_htmx_gets_the_results_alone_and_the_short_permalink(lead: Client) -> None:
    ann = user_with_role("ann", "member")
    failed = generation(ann, status="failure")
    generation(ann, status="success")
    response = lead.get(
        FEED, {"user": "ann", "model": "", "status": "failure", "q": "", "range": ""}, headers=HTMX
    )
    assert response.status_code == 200
    assert response["HX-Push-Url"] == "/team/?user=ann&status=failure"
    fragment = html_of(response)
    assert fragment.find_all("h1") == []
    assert [row.get("id") for row in body_rows(fragment)] == [f"feed-generation-{failed.pk}"]
    assert fragment.one("a", download="").get("href") == "/team/feed.csv?user=ann&status=failure"


def test_a_history_restore_gets_the_whole_page(lead: Client) -> None:
    restore = {**HTMX, "HX-History-Restore-Request": "true"}
    assert html_of(lead.get(FEED, headers=restore)).one("h1").text == "Team activity"


def test_a_permalink_shows_its_filters_chosen(lead: Client) -> None:
    user_with_role("ann", "member")
    page = html_of(lead.get(FEED, {"user": "ann", "status": "failure", "hide_finished": "1"}))
    assert page.by_id("feed-user").one("option", selected="").get("value") == "ann"
    assert page.by_id("feed-status").one("option", selected="").get("value") == "failure"
    assert page.by_id("feed-hide-finished").get("checked") is not None


def test_bad_filters_are_explained_and_the_others_apply(lead: Client) -> None:
    ann = user_with_role("ann", "member")
    generation(ann, status="failure")
    generation(ann, status="success")
    response = lead.get(FEED, {"status": "failure", "user": "nobody", "cursor": "x"})
    assert response.status_code == 200
    alert = html_of(response).one("div", role="alert")
    assert "Unknown user 'nobody': choose one of external, ann, lena." in alert.text
    assert len(body_rows(html_of(response))) == 1
    assert "That page link could not be read" in response.content.decode()


def test_older_pages_follow_the_cursor_with_the_filters(
    lead: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feed_module, "PAGE_SIZE", 2)
    ann = user_with_role("ann", "member")
    made = [generation(ann, at=ago(hours=hour)).pk for hour in range(3)]
    first = html_of(lead.get(FEED, {"user": "ann"}))
    older = first.one("a", rel="next").get("href")
    assert older is not None
    assert older.startswith("/team/?user=ann&cursor=generation-")
    second = html_of(lead.get(older))
    assert [row.get("id") for row in body_rows(second)] == [f"feed-generation-{made[2]}"]
    assert second.find_all("a", rel="next") == []
    assert second.one("h2", id="feed-title").text == "Older activity"


def test_a_running_row_polls_itself_until_it_ends(lead: Client) -> None:
    ann = user_with_role("ann", "member")
    running = generation(ann, status="in-progress", job_id="j1", progress=0.5)
    row = body_rows(html_of(lead.get(FEED)))[0]
    poll = f"/team/feed/generation/{running.pk}/"
    assert row.get("hx-get") == poll
    assert row.get("hx-trigger") == "every 3s"
    answer = lead.get(poll, headers=HTMX)
    assert answer.status_code == 200
    assert lead.get(poll, headers={**HTMX, "If-None-Match": answer["ETag"]}).status_code == 304
    running.status = "success"
    running.save()
    ended = lead.get(poll, headers=HTMX)
    assert ended.status_code == 286
    assert html_of(ended).one("tr").get("hx-get") is None
    assert lead.get("/team/feed/generation/999999/").status_code == 404
    assert lead.get(f"/team/feed/job/{running.pk}/").status_code == 404


@pytest.mark.parametrize("role", ["member", "viewer"])
def test_members_and_viewers_are_refused(role: str) -> None:
    client = Client()
    client.force_login(user_with_role("someone", role))
    for url in (FEED, "/team/feed.csv"):
        response = client.get(url)
        assert response.status_code == 403
        assert "The team dashboard" in response.content.decode()


def test_the_team_link_leads_leads_to_the_feed(lead: Client) -> None:
    nav = html_of(lead.get("/")).one("nav", labelled("Main"))
    assert nav.find_all("a")[-1].get("href") == FEED
    member = Client()
    member.force_login(user_with_role("mo", "member"))
    links = html_of(member.get("/")).one("nav", labelled("Main")).find_all("a")
    assert FEED not in [link.get("href") for link in links]


def read_csv(response: Any) -> list[list[str]]:
    assert isinstance(response, StreamingHttpResponse)
    text = response.getvalue().decode()
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_export_streams_every_matching_row(
    lead: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feed_module, "PAGE_SIZE", 1)
    ann = user_with_role("ann", "member")
    failed = generation(ann, status="failure", prompt="=cmd()", at=ago(hours=1))
    generation(ann, status="success", at=ago(hours=2))
    older_failure = generation(None, status="failure", at=ago(hours=3))
    training(ann, status="failed")
    response = lead.get("/team/feed.csv", {"status": "failure", "kind": "nonsense"})
    assert response["Content-Disposition"] == 'attachment; filename="team-activity.csv"'
    lines = read_csv(response)
    assert lines[0][:4] == ["created_at", "kind", "id", "user"]
    assert [(line[2], line[3], line[6]) for line in lines[1:]] == [
        (str(failed.pk), "ann", "failure"),
        (str(older_failure.pk), "External (API / web app)", "failure"),
    ]
    assert lines[1][9] == "'=cmd()"
