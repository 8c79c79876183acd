from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from scenario_ui.forms.components import reshapes
from scenario_ui.forms.render import Moment
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.scenario.generation import SubmissionUnknown
from scenario_ui.scenario.training import cancel_training
from scenario_ui.training.families import family_for
from scenario_ui.training.models import Training
from scenario_ui.training.monitor import monitor_for
from scenario_ui.training.page import (
    TrainPage,
    load_model,
    train_page,
    training_form,
    training_urls,
)
from scenario_ui.training.submission import Review, already_started, review, start
from scenario_ui.web.api_url import public_api_base_url
from scenario_ui.web.attempts import new_token
from scenario_ui.web.htmx import STOP_POLLING, HtmxHttpRequest
from scenario_ui.web.live_form import live_response
from scenario_ui.web.users import signed_in_user

PAGE = "training/train.html"


@require_GET
def train(request: HttpRequest, model_id: str) -> HttpResponse:
    page = train_page(load_model(model_id, fresh=True), base_url=public_api_base_url(request))
    context = {"page": page, "form": page.form, "token": new_token(), **training_urls(model_id)}
    return render(request, PAGE, context)


@require_POST
def revalidate(request: HtmxHttpRequest, model_id: str) -> HttpResponse:
    model = load_model(model_id)
    family = family_for(model.type)
    if family is None:
        return HttpResponse(status=204)
    data = dict(request.POST.lists())
    form = training_form(
        model, family, data, base_url=public_api_base_url(request), moment=Moment.LIVE
    )
    context = {"token": request.POST.get("__token", ""), **training_urls(model_id)}
    return live_response(
        request, form, reshaped=reshapes(data, request.htmx.trigger_name), context=context
    )


@require_POST
def review_view(request: HttpRequest, model_id: str) -> HttpResponse:
    page = _page_to_train(request, model_id)
    if isinstance(page, HttpResponse):
        return page
    assert page.family is not None
    data = dict(request.POST.lists())
    checked = review(page.model, page.family, data, base_url=public_api_base_url(request))
    return _render_review(request, page, checked, token=request.POST.get("__token", ""))


@require_POST
def start_view(request: HttpRequest, model_id: str) -> HttpResponse:
    if already_started(signed_in_user(request), dict(request.POST.lists())):
        # A second click on Start: the first one's training is what to follow.
        return redirect("training:train", model_id=model_id)
    page = _page_to_train(request, model_id)
    if isinstance(page, HttpResponse):
        return page
    assert page.family is not None
    result = start(
        signed_in_user(request),
        page.model,
        page.family,
        dict(request.POST.lists()),
        base_url=public_api_base_url(request),
    )
    if result.training is not None:
        if result.training.outcome == Training.Outcome.UNKNOWN:
            # Shown once on the Train page, above the model's status that tells what happened.
            messages.error(request, f"{SubmissionUnknown.title}. {result.training.error}")
        return redirect("training:train", model_id=model_id)
    assert result.review is not None
    return _render_review(request, page, result.review, token=request.POST.get("__token", ""))


def _page_to_train(request: HttpRequest, model_id: str) -> TrainPage | HttpResponse:
    """The Train page when training is offered now, else that page saying why not."""
    page = train_page(load_model(model_id, fresh=True), base_url=public_api_base_url(request))
    if page.family is None or page.refusal:
        return render(request, PAGE, {"page": page, **training_urls(model_id)}, status=409)
    return page


@require_GET
def progress(request: HttpRequest, model_id: str) -> HttpResponse:
    monitor = monitor_for(load_model(model_id, fresh=True))
    status = 200 if monitor.is_active else STOP_POLLING
    return render(
        request, f"{PAGE}#monitor", {"monitor": monitor, "model_id": model_id}, status=status
    )


@require_POST
def cancel(request: HtmxHttpRequest, model_id: str) -> HttpResponse:
    try:
        cancel_training(model_id)
    except ScenarioError as problem:
        monitor = monitor_for(load_model(model_id, fresh=True))
        context = {"monitor": monitor, "model_id": model_id, "cancel_problem": problem}
        return render(request, f"{PAGE}#monitor", context)
    if not request.htmx:
        return redirect("training:train", model_id=model_id)
    # A canceled model can be trained again: the whole page changes, so reload it.
    response = HttpResponse(status=204)
    response["HX-Refresh"] = "true"
    return response


def _render_review(
    request: HttpRequest, page: TrainPage, checked: Review, *, token: str
) -> HttpResponse:
    context = {
        "page": page,
        "form": checked.form,
        "review": checked,
        "token": token or new_token(),
        **training_urls(page.model.id),
    }
    failed = bool(checked.form.summary) or checked.error is not None
    return render(request, PAGE, context, status=422 if failed else 200)
