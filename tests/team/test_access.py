"""What each role sees and may do on the existing pages (the URL by URL matrix is in
tests/audit/test_access_matrix.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from scenario_ui.generate.models import Generation
from scenario_ui.team.access import PREVIEW_ONLY, Need
from scenario_ui.training.models import Training
from scenario_ui.web.attempts import TOKEN, new_token
from tests.conftest import user_with_role
from tests.forms.html import parse_html

pytestmark = pytest.mark.usefixtures("seeded_sandbox")

LUMEN = "model_demo-lumen-xl"
MASCOT = "model_demo-my-mascot-flux"


def client_for(username: str, role: str | None) -> Client:
    client = Client()
    client.force_login(user_with_role(username, role))
    return client


def refusal_text(response: Any) -> str:
    return str(parse_html(response.content.decode()).by_id("refusal").text)


def test_a_viewer_previews_but_is_not_offered_generate_or_train() -> None:
    viewer = client_for("vera", "viewer")
    page = viewer.get(f"/models/{LUMEN}/")

    assert page.status_code == 200
    html = parse_html(page.content.decode())
    assert html.by_id("submit-refusal").text == PREVIEW_ONLY
    assert html.find_all("button", name="__submit") == []
    assert html.find_all("output", id="cost-estimate") == []
    assert html.by_id("preview-body").text
    assert "Train this model" not in viewer.get(f"/models/{MASCOT}/").content.decode()


def test_a_members_page_offers_generate_and_train() -> None:
    member = client_for("milo", "member")
    html = parse_html(member.get(f"/models/{LUMEN}/").content.decode())
    assert len(html.find_all("button", name="__submit")) == 1
    assert html.find_all(id="submit-refusal") == []
    assert "Train this model" in member.get(f"/models/{MASCOT}/").content.decode()


def test_a_viewers_live_update_keeps_the_form_without_generate() -> None:
    viewer = client_for("vera", "viewer")
    # A row added: the form changed shape and is drawn whole again.
    answer = viewer.post(
        "/models/model_demo-quill-llm/form/",
        {"context": ["first"], "__action": "add:context"},
        headers={"HX-Request": "true"},
    )
    assert answer.status_code == 200
    form = parse_html(answer.content.decode()).one("form", id="model-form")
    assert form.by_id("submit-refusal").text == PREVIEW_ONLY


@pytest.mark.parametrize(
    "url", [f"/models/{LUMEN}/generate/", f"/models/{LUMEN}/estimate/", f"/models/{MASCOT}/train/"]
)
def test_a_viewers_spending_is_refused_with_a_clear_message_and_nothing_is_sent(url: str) -> None:
    viewer = client_for("vera", "viewer")
    answer = viewer.post(url, {"prompt": "a tower", TOKEN: new_token()})
    assert answer.status_code == 403
    assert refusal_text(answer) == Need.SPEND.refusal
    assert Generation.objects.count() == 0


def test_a_user_with_no_role_is_told_so_on_every_page() -> None:
    nobody = client_for("nobody", None)
    for answer in (nobody.get("/"), nobody.post(f"/models/{LUMEN}/generate/")):
        assert answer.status_code == 403
        assert refusal_text(answer) == Need.BROWSE.refusal
        assert "no role in this team yet" in Need.BROWSE.refusal


def submitted_by(member: Client) -> Generation:
    answer = member.post(f"/models/{LUMEN}/generate/", {"prompt": "a tower", TOKEN: new_token()})
    assert answer.status_code == 302
    return Generation.objects.get()


def test_a_lead_opens_resubmits_and_cancels_a_members_job() -> None:
    generation = submitted_by(client_for("milo", "member"))
    lead = client_for("lena", "lead")

    assert lead.get(f"/jobs/{generation.pk}/").status_code == 200
    resubmit = lead.get(f"/models/{LUMEN}/?from_job={generation.pk}")
    assert "Filled with an earlier job" in resubmit.content.decode()
    canceled = lead.post(f"/jobs/{generation.pk}/cancel/")
    assert canceled.status_code == 302
    generation.refresh_from_db()
    assert generation.status == Generation.Status.CANCELED


def test_another_member_gets_a_404_for_the_job_and_no_resubmit() -> None:
    generation = submitted_by(client_for("milo", "member"))
    other = client_for("maya", "member")
    assert other.get(f"/jobs/{generation.pk}/").status_code == 404
    page = other.get(f"/models/{LUMEN}/?from_job={generation.pk}")
    assert "Filled with an earlier job" not in page.content.decode()


def test_a_lead_follows_a_members_training() -> None:
    member = user_with_role("milo", "member")
    Training.objects.create(user=member, model_id=MASCOT, outcome=Training.Outcome.STARTED)
    assert client_for("lena", "lead").get(f"/models/{MASCOT}/train/").status_code == 200
    assert client_for("maya", "member").get(f"/models/{MASCOT}/train/").status_code == 404
