"""The studio's API tab: a draft priced and run in the sandbox, and the run followed."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from scenario_ui.authoring import selectors, studio, test_runs
from scenario_ui.authoring.run_view import run_view
from scenario_ui.authoring.views import page_context
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.team.access import Need, requires
from scenario_ui.web.attempts import new_token
from scenario_ui.web.htmx import STOP_POLLING, HtmxHttpRequest
from scenario_ui.web.users import signed_in_user

POLL_SECONDS = 1
# The sandbox serves bytes a client sent; from our origin they must not run scripts.
OUTPUT_CSP = "default-src 'none'; sandbox"


@requires(Need.BROWSE)
@require_POST
def check_cost(request: HttpRequest, draft_id: uuid.UUID) -> HttpResponse:
    draft = selectors.editable_draft(signed_in_user(request), draft_id)
    definition = studio.definition_of(request.POST.get(studio.DEFINITION_FIELD, draft.text))
    if definition is None:
        return render(request, "authoring/_cost.html", {"invalid_json": True}, status=422)
    answer = test_runs.check_cost(
        draft=draft, definition=definition, data=dict(request.POST.lists())
    )
    return render(request, "authoring/_cost.html", {"answer": answer})


@requires(Need.BROWSE)
@require_POST
def test_run(request: HtmxHttpRequest, draft_id: uuid.UUID) -> HttpResponse:
    """The API tab's "Test run", or the preview's Generate button: always the sandbox."""
    user = signed_in_user(request)
    draft = selectors.editable_draft(user, draft_id)
    definition = studio.definition_of(request.POST.get(studio.DEFINITION_FIELD, draft.text))
    if definition is None:
        outcome: test_runs.RunOutcome | None = None
    else:
        outcome = test_runs.start_test_run(
            draft=draft,
            user=user,
            definition=definition,
            data=dict(request.POST.lists()),
            files=dict(request.FILES.lists()),
        )
    if not request.htmx:
        return _redirect_after(request, draft.pk, outcome)
    context = {**page_context(request, draft), "outcome": outcome, "run_token": new_token()}
    if isinstance(outcome, test_runs.RunStarted):
        context["view"] = run_view(outcome.run)
        return render(request, "authoring/_run_started.html", context)
    if isinstance(outcome, test_runs.RunInvalid):
        context["form"] = outcome.form
    return render(request, "authoring/_run_not_started.html", context, status=422)


@requires(Need.BROWSE)
@require_GET
def run_poll(request: HttpRequest, pk: int) -> HttpResponse:
    run = selectors.own_test_run(signed_in_user(request), pk)
    view = run_view(run)
    done = run.is_finished and view.problem is None
    context = {
        "view": view,
        "done": done,
        "draft": run.draft,
        "runs": run.draft.test_runs.all()[:5],
    }
    return render(
        request, "authoring/_run_polled.html", context, status=STOP_POLLING if done else 200
    )


@requires(Need.BROWSE)
@require_GET
def run_output(request: HttpRequest, pk: int, asset_id: str) -> HttpResponse:
    run = selectors.own_test_run(signed_in_user(request), pk)
    try:
        output = test_runs.run_output(run, asset_id)
    except ScenarioError as error:
        return HttpResponse(error.message, status=error.http_status, content_type="text/plain")
    response = HttpResponse(
        output.content, content_type=output.mime_type or "application/octet-stream"
    )
    response["Content-Security-Policy"] = OUTPUT_CSP
    response["Cache-Control"] = "private, max-age=3600"
    return response


def _redirect_after(
    request: HttpRequest, draft_pk: uuid.UUID, outcome: test_runs.RunOutcome | None
) -> HttpResponse:
    """With JavaScript off, the Generate button posts here: back to the studio, told why."""
    page = reverse("authoring:studio", args=[draft_pk])
    if isinstance(outcome, test_runs.RunStarted):
        return redirect(f"{page}?run={outcome.run.pk}#panel-api")
    if isinstance(outcome, test_runs.RunRefused):
        messages.error(request, f"The sandbox refused the test run: {outcome.error.message}")
    elif isinstance(outcome, test_runs.RunInvalid):
        problems = "; ".join(f"{e.label}: {e.message}" for e in outcome.form.summary)
        messages.error(request, f"Nothing was run. Fix the form first: {problems}")
    else:
        messages.error(request, "Nothing was run: fix the JSON first.")
    return redirect(f"{page}#panel-api")
