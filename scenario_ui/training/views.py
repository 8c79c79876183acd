from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRefresh

from scenario_ui.forms.components import reshapes
from scenario_ui.forms.render import Moment
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.scenario.training import cancel_training
from scenario_ui.team.access import Need, requires
from scenario_ui.team.budgets import warnings_for
from scenario_ui.training.families import TrainerFamily, family_for
from scenario_ui.training.live import SHOWN_STATUS, LiveMonitor, follow_now, live_monitor
from scenario_ui.training.ownership import require_own_training, unsettled_start
from scenario_ui.training.page import (
    TrainPage,
    current_model,
    form_definition,
    load_model,
    train_page,
    training_form,
    training_urls,
)
from scenario_ui.training.submission import (
    Review,
    ReviewAgain,
    Started,
    already_started,
    review,
    start,
)
from scenario_ui.web.api_url import public_api_base_url
from scenario_ui.web.attempts import TOKEN, new_token, token_context
from scenario_ui.web.conditional import unchanged, versioned
from scenario_ui.web.form_posts import form_data
from scenario_ui.web.htmx import STOP_POLLING, HtmxHttpRequest
from scenario_ui.web.live_form import live_response
from scenario_ui.web.users import signed_in_user

PAGE = "training/train.html"


@requires(Need.SPEND)
@require_GET
def train(request: HttpRequest, model_id: str) -> HttpResponse:
    page = _current_page(request, model_id)
    context = {**_page_context(request, page), "form": page.form, **token_context(new_token())}
    return render(request, PAGE, context)


@requires(Need.SPEND)
@require_POST
def revalidate(request: HtmxHttpRequest, model_id: str) -> HttpResponse:
    require_own_training(signed_in_user(request), model_id)
    model = load_model(model_id)
    family = family_for(model.type)
    if family is None:
        return HttpResponse(status=204)
    data = form_data(request, form_definition(model, family))
    form = training_form(
        model, family, data, base_url=public_api_base_url(request), moment=Moment.LIVE
    )
    context = {**token_context(request.POST.get(TOKEN, "")), **training_urls(model_id)}
    return live_response(
        request, form, reshaped=reshapes(data, request.htmx.trigger_name), context=context
    )


@requires(Need.SPEND)
@require_POST
def review_view(request: HttpRequest, model_id: str) -> HttpResponse:
    ready = _page_to_train(request, model_id)
    if isinstance(ready, HttpResponse):
        return ready
    page, family = ready
    data = form_data(request, form_definition(page.model, family))
    checked = review(page.model, family, data, base_url=public_api_base_url(request))
    return _render_review(request, page, checked, token=request.POST.get(TOKEN) or new_token())


@requires(Need.SPEND)
@require_POST
def start_view(request: HttpRequest, model_id: str) -> HttpResponse:
    user = signed_in_user(request)
    require_own_training(user, model_id)
    if already_started(user, dict(request.POST.lists())):
        # A second click on Start: the first one's training is what to follow.
        return redirect("training:train", model_id=model_id)
    ready = _page_to_train(request, model_id)
    if isinstance(ready, HttpResponse):
        return ready
    page, family = ready
    data = form_data(request, form_definition(page.model, family))
    match start(user, page.model, family, data, base_url=public_api_base_url(request)):
        case Started():
            # The Train page tells what became of it, from the model's own status.
            return redirect("training:train", model_id=model_id)
        case ReviewAgain(review=checked, token=token):
            return _render_review(request, page, checked, token=token)


def _current_page(request: HttpRequest, model_id: str) -> TrainPage:
    """The Train page for the signed-in user, from the model as last read (`current_model`)."""
    user = signed_in_user(request)
    require_own_training(user, model_id)
    model = current_model(user, model_id)
    return train_page(
        model,
        base_url=public_api_base_url(request),
        unknown_start=unsettled_start(user, model),
    )


def _page_to_train(
    request: HttpRequest, model_id: str
) -> tuple[TrainPage, TrainerFamily] | HttpResponse:
    """The Train page and its trainer when training is offered now, else that page saying why."""
    page = _current_page(request, model_id)
    if page.family is None or page.refusal:
        return render(request, PAGE, _page_context(request, page), status=409)
    return page, page.family


@requires(Need.SPEND)
@require_GET
def progress(request: HtmxHttpRequest, model_id: str) -> HttpResponse:
    """The monitor from our record (a worker keeps it fresh); 304 when unchanged. When the
    status differs from the one the page shows, the whole page is drawn again from it."""
    user = signed_in_user(request)
    require_own_training(user, model_id)
    live = live_monitor(user, current_model(user, model_id))
    if live.monitor.status != request.GET.get(SHOWN_STATUS, live.monitor.status):
        return HttpResponseClientRefresh()
    if (same := unchanged(request, live.version)) is not None:
        return same
    status = 200 if live.monitor.is_active else STOP_POLLING
    response = render(request, f"{PAGE}#monitor", _monitor_context(model_id, live), status=status)
    return versioned(response, live.version)


@requires(Need.SPEND)
@require_POST
def cancel(request: HtmxHttpRequest, model_id: str) -> HttpResponse:
    user = signed_in_user(request)
    require_own_training(user, model_id)
    try:
        cancel_training(model_id)
    except ScenarioError as problem:
        if not request.htmx:
            # The Train page shows it above the model's status.
            messages.error(request, f"The training was not canceled. {problem.message}")
            return redirect("training:train", model_id=model_id)
        context = {
            **_monitor_context(model_id, live_monitor(user, current_model(user, model_id))),
            "cancel_problem": problem,
        }
        return render(request, f"{PAGE}#monitor", context)
    follow_now(user, model_id)
    if not request.htmx:
        return redirect("training:train", model_id=model_id)
    # A canceled model can be trained again: the whole page changes, so reload it.
    return HttpResponseClientRefresh()


def _page_context(request: HttpRequest, page: TrainPage) -> dict[str, object]:
    live = live_monitor(signed_in_user(request), page.model)
    return {
        "page": page,
        "live": live,
        "budget_warnings": warnings_for(signed_in_user(request)),
        **training_urls(page.model.id),
    }


def _monitor_context(model_id: str, live: LiveMonitor) -> dict[str, object]:
    return {"model_id": model_id, "monitor": live.monitor, "live": live}


def _render_review(
    request: HttpRequest, page: TrainPage, checked: Review, *, token: str
) -> HttpResponse:
    context = {
        **_page_context(request, page),
        "form": checked.form,
        "review": checked,
        **token_context(token),
    }
    failed = bool(checked.form.summary) or checked.error is not None
    return render(request, PAGE, context, status=422 if failed else 200)
