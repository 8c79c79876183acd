from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from scenario_ui.generate.estimate import estimate_form
from scenario_ui.generate.following import start_following
from scenario_ui.generate.form_page import form_urls, live_form, load_definition
from scenario_ui.generate.job_list import STATUS_GROUPS, JobFilters, model_choices
from scenario_ui.generate.job_page import job_view, own_generation
from scenario_ui.generate.my_jobs import my_jobs_view
from scenario_ui.generate.prompt_spark import suggest_prompt
from scenario_ui.generate.submission import Follow, ShowForm, submit
from scenario_ui.generate.tracking import cancel, look_up
from scenario_ui.schema import ModelDefinition
from scenario_ui.team.access import Need, requires, submit_refusal
from scenario_ui.team.budgets import warnings_for
from scenario_ui.web.api_url import public_api_base_url
from scenario_ui.web.attempts import TOKEN, token_context
from scenario_ui.web.conditional import unchanged, versioned
from scenario_ui.web.form_posts import form_data
from scenario_ui.web.htmx import STOP_POLLING, HtmxHttpRequest
from scenario_ui.web.live_form import live_response
from scenario_ui.web.uploads import cap_uploads
from scenario_ui.web.users import signed_in_user

MY_JOBS_SHOWN = 100


@requires(Need.BROWSE)
@require_POST
def revalidate(request: HtmxHttpRequest, model_id: str) -> HttpResponse:
    """A live update: out-of-band message swaps, or the whole form when it changed shape."""
    definition = load_definition(model_id)
    answer = live_form(
        definition,
        form_data(request, definition),
        trigger_name=request.htmx.trigger_name,
        base_url=public_api_base_url(request),
    )
    context = {
        **token_context(request.POST.get(TOKEN, "")),
        **form_urls(model_id),
        "submit_refusal": submit_refusal(signed_in_user(request)),
    }
    return live_response(request, answer.form, reshaped=answer.reshaped, context=context)


@requires(Need.SPEND)
@require_POST
def estimate(request: HttpRequest, model_id: str) -> HttpResponse:
    definition = load_definition(model_id)
    answer = estimate_form(definition, form_data(request, definition))
    context = {"answer": answer, "estimate_url": form_urls(model_id)["estimate_url"]}
    return render(request, "generate/_estimate.html", context)


@requires(Need.SPEND)
@require_POST
def prompt_spark(request: HttpRequest, model_id: str) -> HttpResponse:
    """ "Improve prompt": a suggestion offered under the field, never written into it."""
    definition = load_definition(model_id)
    result = suggest_prompt(definition=definition, data=form_data(request, definition))
    return render(request, "generate/_prompt_suggestion.html", {"result": result})


@requires(Need.SPEND)
@require_POST
@csrf_exempt  # Checked by _submit, once the upload caps are in place (Django's recipe).
def submit_view(request: HttpRequest, model_id: str) -> HttpResponse:
    definition = load_definition(model_id)
    cap_uploads(request, definition)
    return _submit(request, model_id, definition)


@csrf_protect
def _submit(request: HttpRequest, model_id: str, definition: ModelDefinition) -> HttpResponse:
    user = signed_in_user(request)
    result = submit(
        user,
        definition,
        form_data(request, definition),
        dict(request.FILES.lists()),
        base_url=public_api_base_url(request),
    )
    match result:
        case Follow(generation=generation):
            return redirect("generate:job", pk=generation.pk)
        case ShowForm(form=form, token=token, error=error):
            context = {
                "definition": definition,
                "form": form,
                "submit_error": error,
                "budget_warnings": warnings_for(user),
                **token_context(token),
                **form_urls(model_id),
            }
            failed = error is not None or bool(form.summary)
            status = 422 if failed else 200
            return render(request, "catalog/model_detail.html", context, status=status)


@requires(Need.BROWSE)
@require_GET
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = job_view(own_generation(signed_in_user(request), pk))
    return render(
        request, "generate/job.html", {"job": job, "looked_up": "looked_up" in request.GET}
    )


@requires(Need.BROWSE)
@require_GET
def job_poll(request: HttpRequest, pk: int) -> HttpResponse:
    """The status fragment from our record (a worker keeps it fresh); 304 when unchanged."""
    job = job_view(own_generation(signed_in_user(request), pk))
    if (same := unchanged(request, job.version)) is not None:
        return same
    status = STOP_POLLING if job.is_settled else 200
    response = render(request, "generate/job.html#status", {"job": job}, status=status)
    return versioned(response, job.version)


@requires(Need.SPEND)
@require_POST
def job_cancel(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    refreshed = cancel(own_generation(signed_in_user(request), pk))
    if not request.htmx:
        if refreshed.error is not None:
            # Shown once on the job page, above the job's status as re-read then.
            messages.error(request, f"The job was not canceled. {refreshed.error.message}")
        return redirect("generate:job", pk=pk)
    job = job_view(refreshed.generation, problem=refreshed.error)
    return render(request, "generate/job.html#status", {"job": job})


@requires(Need.BROWSE)
@require_POST
def job_look_up(request: HttpRequest, pk: int) -> HttpResponse:
    looked_up = look_up(own_generation(signed_in_user(request), pk))
    if looked_up.error is not None:
        messages.error(request, f"The look-up did not finish. {looked_up.error.message}")
        return redirect("generate:job", pk=pk)
    start_following(looked_up.generation)
    return redirect(f"{reverse('generate:job', args=[pk])}?looked_up=1")


@requires(Need.BROWSE)
@require_GET
def my_jobs(request: HtmxHttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    filters = JobFilters.from_query(request.GET)
    jobs = my_jobs_view(user, shown=MY_JOBS_SHOWN, filters=filters)
    if not request.htmx:
        choices = {
            "status_choices": [(key, label) for key, (label, _) in STATUS_GROUPS.items()],
            "model_choices": model_choices(user=user),
        }
        return render(request, "generate/jobs.html", {"jobs": jobs, **choices})
    if (same := unchanged(request, jobs.version)) is not None:
        return same
    status = 200 if jobs.running else STOP_POLLING
    response = render(request, "generate/jobs.html#table", {"jobs": jobs}, status=status)
    return versioned(response, jobs.version)
