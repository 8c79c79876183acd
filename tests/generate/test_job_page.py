"""What a job page shows: the JobView and the status partial it renders into."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.http import Http404
from django.template.loader import render_to_string

from scenario_ui.generate.job_page import JobView, earlier_request, job_view, own_generation
from scenario_ui.generate.models import Generation
from scenario_ui.generate.tracking import Refresh, ResultAsset
from scenario_ui.scenario.errors import ScenarioError, ScenarioServerError, ScenarioTimeout
from scenario_ui.schema.ui_config import UiConfig
from tests.forms.html import Element, parse_html
from tests.generate.support import LUMEN, api_calls

STATUS_PARTIAL = "generate/job.html#status"


@pytest.fixture
def stranger(db: None) -> User:
    return get_user_model().objects.create_user("stranger", password="another-long-password")


def generation_of(user: User, **fields: Any) -> Generation:
    defaults: dict[str, Any] = {
        "model_id": LUMEN,
        "model_name": "Lumen XL",
        "request_body": {"prompt": "a lighthouse"},
        "job_id": "job_1",
        "status": "in-progress",
    }
    return Generation.objects.create(user=user, **{**defaults, **fields})


def view_of(
    generation: Generation,
    results: list[ResultAsset] | None = None,
    *,
    problem: ScenarioError | None = None,
    poll_delay: float = 1.0,
) -> JobView:
    return JobView(
        generation=generation, results=results or [], problem=problem, poll_delay=poll_delay
    )


def rendered(job: JobView, **context: Any) -> Element:
    root = parse_html(render_to_string(STATUS_PARTIAL, {"job": job, **context}))
    assert [child.get("id") for child in root.children if isinstance(child, Element)] == [
        "job-status"
    ]
    return root.by_id("job-status")


# --- JobView --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("output", "shown"),
    [
        (
            {"text": "Three names: Rimebite, Hoarfang, Glacier's Kiss."},
            [("Output", "Three names: Rimebite, Hoarfang, Glacier's Kiss.")],
        ),
        ({"text": ""}, []),
        ({}, []),
        (["not", "an", "object"], []),
        ({"text": "a", "summary": "b"}, [("Answer", "a"), ("Output", "b")]),
    ],
)
def test_the_outputs_are_labelled_from_output_properties(
    user: User, output: Any, shown: list[tuple[str, str]]
) -> None:
    job = JobView(
        generation=generation_of(user, status="success", output=output),
        results=[],
        problem=None,
        poll_delay=1.0,
        output_labels={"text": "Answer"} if len(output) > 1 else {},
    )
    assert [(one.label, one.text) for one in job.outputs] == shown


def test_the_job_page_labels_outputs_by_the_models_output_properties(
    user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    generation = generation_of(user, status="success", output={"text": "Rimebite"})

    class Record:
        ui_config = UiConfig.model_validate({"outputProperties": {"text": {"label": "Names"}}})

    monkeypatch.setattr("scenario_ui.generate.job_page.load_definition", lambda _id: Record)
    job = job_view(Refresh(generation), previous_delay=1.0)
    heading = rendered(job).one("div", class_="job__text")
    assert heading.one("h3").text == "Names"


def test_a_failed_definition_read_leaves_the_plain_output_heading(
    user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    generation = generation_of(user, status="success", output={"text": "Rimebite"})

    def broken(_id: str) -> None:
        raise ScenarioTimeout("Scenario did not answer in time.")

    monkeypatch.setattr("scenario_ui.generate.job_page.load_definition", broken)
    job = job_view(Refresh(generation), previous_delay=1.0)
    assert [(one.label, one.text) for one in job.outputs] == [("Output", "Rimebite")]


@pytest.mark.parametrize(
    ("status", "progress", "percent"),
    [
        ("queued", 0.0, 0),
        ("in-progress", 0.3846, 38),
        ("in-progress", 0.5, 50),
        ("success", 0.9, 100),
        ("failure", 0.5385, 54),
    ],
)
def test_the_progress_in_percent(user: User, status: str, progress: float, percent: int) -> None:
    job = view_of(generation_of(user, status=status, progress=progress))
    assert job.progress_percent == percent


def test_own_generation_is_only_the_users_own(user: User, stranger: User) -> None:
    generation = generation_of(user)
    assert own_generation(user, generation.pk) == generation
    with pytest.raises(Http404):
        own_generation(stranger, generation.pk)
    with pytest.raises(Http404):
        own_generation(user, generation.pk + 1)


def test_earlier_request_is_a_copy_of_the_users_own_request(user: User, stranger: User) -> None:
    generation = generation_of(user, request_body={"prompt": "a lighthouse", "numOutputs": 2})
    earlier = earlier_request(user, str(generation.pk))
    assert earlier == {"prompt": "a lighthouse", "numOutputs": 2}
    assert earlier is not generation.request_body
    assert earlier_request(stranger, str(generation.pk)) is None
    for text in ("", "abc", "-1", "1.0", "\u0661", str(generation.pk + 1)):
        assert earlier_request(user, text) is None


def test_job_view_reads_results_only_on_success(user: User, fake_api) -> None:
    requests = fake_api(lambda request: httpx.Response(503))
    running = generation_of(user, asset_ids=["asset_1"])
    job = job_view(Refresh(running), previous_delay=2.0)
    assert job == JobView(generation=running, results=[], problem=None, poll_delay=1.0)
    assert requests == []


def test_job_view_lists_the_results_of_a_success(user: User, fake_api) -> None:
    asset = {"id": "asset_1", "url": "https://cdn.test/1.png", "kind": "image"}
    fake_api(lambda request: httpx.Response(200, json={"assets": [asset]}))
    done = generation_of(user, status="success", asset_ids=["asset_1"])
    job = job_view(Refresh(done), previous_delay=1.0)
    assert job.results == [ResultAsset("asset_1", "https://cdn.test/1.png", "image", "", "asset_1")]
    assert job.problem is None


def test_results_that_cannot_be_read_are_the_problem(user: User, fake_api) -> None:
    requests = fake_api(lambda request: httpx.Response(503, json={"reason": "maintenance"}))
    done = generation_of(user, status="success", asset_ids=["asset_1"])
    job = job_view(Refresh(done), previous_delay=1.0)
    assert job.results == []
    assert isinstance(job.problem, ScenarioServerError)
    assert job.problem.message == "Scenario failed with HTTP 503: maintenance."
    assert api_calls(requests) == [("POST", "/v1/assets/get-bulk")]
    # The read's own failure comes first.
    timeout = ScenarioTimeout("slow")
    assert job_view(Refresh(done, error=timeout), previous_delay=1.0).problem is timeout


# --- the status partial ---------------------------------------------------------------------


def test_a_running_job_polls_and_shows_its_progress(user: User) -> None:
    generation = generation_of(user, progress=0.3846)
    section = rendered(view_of(generation, poll_delay=1.0))
    assert section.get("hx-get") == f"/jobs/{generation.pk}/poll/?delay=1.0"
    assert section.get("hx-trigger") == "every 1.0s"
    assert section.get("hx-swap") == "outerHTML"
    assert section.one("span", class_="status").text == "In progress"
    progress = section.one("progress")
    assert (progress.get("max"), progress.get("value"), progress.text) == ("100", "38", "38%")
    assert section.one("label", for_="job-progress").text == "Progress 38%"
    cancel = section.one("form", action=f"/jobs/{generation.pk}/cancel/")
    assert cancel.one("button").text == "Cancel job"
    assert section.find_all("ul", class_="results-grid") == []


def test_a_read_failure_says_when_it_checks_again(user: User) -> None:
    generation = generation_of(user)
    problem = ScenarioServerError("Scenario failed with HTTP 503: maintenance.")
    section = rendered(view_of(generation, problem=problem, poll_delay=4.0))
    assert section.get("hx-get") == f"/jobs/{generation.pk}/poll/?delay=4.0"
    assert section.get("hx-trigger") == "every 4.0s"
    assert section.one("p", class_="alert--info").text == (
        "Scenario had an internal error: Scenario failed with HTTP 503: maintenance. "
        "Checking again in 4 s."
    )
    assert len(section.find_all("progress")) == 1


def test_a_finished_job_stops_polling(user: User) -> None:
    generation = generation_of(user, status="canceled", progress=0.3)
    section = rendered(view_of(generation))
    for name in ("hx-get", "hx-trigger", "hx-swap"):
        assert section.has(name) is False
    assert section.one("span", class_="status").text == "Canceled"
    assert section.find_all("progress") == []
    assert section.find_all("form") == []


def test_image_results_show_inline(user: User) -> None:
    generation = generation_of(user, status="success", progress=1.0)
    images = [
        ResultAsset("asset_1", "/sandbox/v1/assets/asset_1/content", "image", "image/png", "1"),
        ResultAsset("asset_2", "https://cdn.test/2.webp", "", "image/webp", "2"),
    ]
    section = rendered(view_of(generation, images))
    grid = section.one("ul", class_="results-grid")
    assert grid.get("aria-label") == "Results"
    assert [(img.get("src"), img.get("alt")) for img in grid.find_all("img")] == [
        ("/sandbox/v1/assets/asset_1/content", "Result 1 of Lumen XL"),
        ("https://cdn.test/2.webp", "Result 2 of Lumen XL"),
    ]
    assert [link.get("href") for link in grid.find_all("a", class_="result__download")] == [
        "/sandbox/v1/assets/asset_1/content",
        "https://cdn.test/2.webp",
    ]
    assert section.one("span", class_="status").text == "Succeeded"
    assert section.find_all("progress") == []


def test_video_audio_and_other_results(user: User) -> None:
    generation = generation_of(user, status="success", model_name="Tidewave")
    found = [
        ResultAsset("asset_v", "https://cdn.test/v.mp4", "video", "video/mp4", "v.mp4"),
        ResultAsset("asset_a", "https://cdn.test/a.mp3", "audio", "audio/mpeg", "a.mp3"),
        ResultAsset("asset_m", "https://cdn.test/m.glb", "3d", "model/gltf-binary", "chair.glb"),
        ResultAsset("asset_z", "https://cdn.test/z.bin", "", "application/zip", "bundle.zip"),
    ]
    grid = rendered(view_of(generation, found)).one("ul", class_="results-grid")
    video = grid.one("video")
    assert (video.get("src"), video.get("aria-label")) == (
        "https://cdn.test/v.mp4",
        "Result video 1",
    )
    assert video.has("controls")
    audio = grid.one("audio")
    assert (audio.get("src"), audio.get("aria-label")) == (
        "https://cdn.test/a.mp3",
        "Result audio 2",
    )
    assert audio.has("controls")
    downloads = grid.find_all("a", download=True)
    assert [(link.get("href"), link.text) for link in downloads] == [
        ("https://cdn.test/m.glb", "Download chair.glb (3d)"),
        ("https://cdn.test/z.bin", "Download bundle.zip (application/zip)"),
    ]
    assert grid.find_all("img") == []


def test_a_text_result_shows_the_text(user: User) -> None:
    generation = generation_of(
        user, status="success", model_name="Quill Assistant", output={"text": "Rimebite <b>"}
    )
    section = rendered(view_of(generation))
    assert section.one("pre", class_="job__text-output").text == "Rimebite <b>"
    assert section.one("div", class_="job__text").one("h3").text == "Output"
    assert section.find_all("ul", class_="results-grid") == []


def test_a_failure_shows_its_error_and_hint(user: User) -> None:
    generation = generation_of(
        user, status="failure", error="The prompt was refused.", hint="Reword the prompt."
    )
    section = rendered(view_of(generation))
    alert = section.one("div", class_="alert--error")
    assert [paragraph.text for paragraph in alert.find_all("p")] == [
        "The job failed. The prompt was refused.",
        "Reword the prompt.",
    ]
    assert section.one("span", class_="status").text == "Failed"
    assert section.has("hx-get") is False


def test_a_failure_without_a_reason_says_so(user: User) -> None:
    section = rendered(view_of(generation_of(user, status="failure")))
    alert = section.one("div", class_="alert--error")
    assert [paragraph.text for paragraph in alert.find_all("p")] == [
        "The job failed. Scenario gave no reason."
    ]


def test_an_unknown_submission_offers_to_look_it_up(user: User) -> None:
    generation = generation_of(user, status="unknown", job_id="", error="The answer never arrived.")
    section = rendered(view_of(generation))
    assert section.has("hx-get") is False
    alert = section.one("div", class_="alert--error")
    assert alert.one("p").text == "Submission status unknown. The answer never arrived."
    form = alert.one("form", action=f"/jobs/{generation.pk}/look-up/")
    assert form.get("method") == "post"
    assert form.one("button").text == "Look the job up on Scenario"
    assert section.find_all("progress") == []
    assert section.find_all("form", action=f"/jobs/{generation.pk}/cancel/") == []


def test_a_look_up_that_found_nothing_offers_to_resubmit(user: User) -> None:
    generation = generation_of(user, status="unknown", job_id="")
    section = rendered(view_of(generation), looked_up=True)
    link = section.one("div", class_="alert--error").one("a")
    assert link.get("href") == f"/models/{LUMEN}/?from_job={generation.pk}"
    assert link.text == "edit and resubmit"


def test_every_job_can_be_edited_and_resubmitted(user: User) -> None:
    generation = generation_of(user, status="success", creative_units=16.0)
    section = rendered(view_of(generation))
    actions = section.one("div", class_="job__actions")
    link = actions.one("a", class_="button")
    assert (link.get("href"), link.text) == (
        f"/models/{LUMEN}/?from_job={generation.pk}",
        "Edit and resubmit",
    )
    facts = section.one("dl", class_="facts")
    assert [fact.text for fact in facts.find_all("dd")] == ["16 CU", "Lumen XL"]
    assert section.one("pre", class_="code").text == '{ "prompt": "a lighthouse" }'


def test_a_cost_not_known_yet_is_a_dash(user: User) -> None:
    section = rendered(view_of(generation_of(user)))
    assert section.one("dl", class_="facts").find_all("dd")[0].text == "—"
