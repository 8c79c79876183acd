"""The studio's pages: thin views over `studio`, `drafts` and `comparison`."""

from __future__ import annotations

import uuid
from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import trigger_client_event

from scenario_ui.authoring import comparison, drafts, engine, selectors, studio
from scenario_ui.authoring.models import Draft
from scenario_ui.authoring.run_view import run_view
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.team.access import Need, requires
from scenario_ui.web.api_url import public_api_base_url
from scenario_ui.web.attempts import new_token
from scenario_ui.web.htmx import HtmxHttpRequest
from scenario_ui.web.users import signed_in_user

STUDIO = "authoring/studio.html"
DIAGNOSTICS_EVENT = "studio:diagnostics"
# CodeMirror adds its stylesheet as a <style> element that carries this request's
# nonce; everything else on the page is as strict as the rest of the site.
EDITOR_CSP: dict[str, list[str]] = {
    **cast(dict[str, list[str]], settings.SECURE_CSP),
    "style-src": [CSP.SELF, CSP.NONCE],
}


@requires(Need.BROWSE)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    context = {
        "drafts": selectors.own_drafts(user),
        "shared": selectors.drafts_shared_with(user),
        "model_id": request.GET.get("model", ""),
    }
    return render(request, "authoring/index.html", context)


@requires(Need.BROWSE)
@require_POST
def new(request: HttpRequest) -> HttpResponse:
    return redirect("authoring:studio", drafts.new_draft(owner=signed_in_user(request)).pk)


@requires(Need.BROWSE)
@require_POST
def open_model(request: HttpRequest) -> HttpResponse:
    """ "Open from catalog": a draft of a model's published definition."""
    model_id = request.POST.get("model_id", "").strip()
    try:
        draft = drafts.open_from_catalog(owner=signed_in_user(request), model_id=model_id)
    except (drafts.DraftRefused, ScenarioError) as problem:
        messages.error(request, f"Could not open {model_id or 'a model'}: {problem.message}")
        return redirect(f"{reverse('authoring:index')}?model={model_id}")
    return redirect("authoring:studio", draft.pk)


@requires(Need.BROWSE)
@require_POST
def import_file(request: HttpRequest) -> HttpResponse:
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Choose a JSON file to import.")
        return redirect("authoring:index")
    try:
        draft = drafts.import_file(
            owner=signed_in_user(request), file_name=upload.name or "file", content=upload.read()
        )
    except drafts.DraftRefused as refused:
        messages.error(request, refused.message)
        return redirect("authoring:index")
    return redirect("authoring:studio", draft.pk)


@requires(Need.BROWSE)
@require_GET
@csp_override(EDITOR_CSP)
def studio_page(request: HttpRequest, draft_id: uuid.UUID) -> HttpResponse:
    draft = selectors.readable_draft(signed_in_user(request), draft_id)
    state = studio.studio_state(
        draft, draft.text, base_url=public_api_base_url(request), fall_back=True
    )
    run_pk = request.GET.get("run", "")
    run = draft.test_runs.filter(pk=int(run_pk)).first() if run_pk.isdigit() else None
    context = {
        **page_context(request, draft),
        **studio.rules_context(state.preview.rules if state.preview else None),
        "state": state,
        "diagnostics": state.reading.diagnostics(),
        "run": run_view(run) if run is not None and draft.owner_id == run.user_id else None,
    }
    return render(request, STUDIO, context)


@requires(Need.BROWSE)
@require_POST
def definition_changed(request: HttpRequest, draft_id: uuid.UUID) -> HttpResponse:
    """The editor's text changed: keep it, read it, redraw what depends on it."""
    draft = selectors.editable_draft(signed_in_user(request), draft_id)
    data = dict(request.POST.lists())
    text = request.POST.get(studio.DEFINITION_FIELD, "")
    revision = request.POST.get(studio.REVISION_FIELD, "")
    try:
        drafts.autosave(draft, text=text, revision=int(revision) if revision.isdigit() else -1)
    except drafts.DraftRefused as refused:
        context = {"draft": draft, "save_error": refused.message, "oob": True}
        return render(request, f"{STUDIO}#save_state", context, status=422)
    state = studio.studio_state(
        draft,
        text,
        base_url=public_api_base_url(request),
        data=data,
        touched=studio.touched_names(data),
    )
    context = {
        **page_context(request, draft),
        **studio.rules_context(state.preview.rules if state.preview else None),
        "state": state,
        "oob": True,
    }
    response = render(request, "authoring/_definition_answer.html", context)
    diagnostics = {"diagnostics": state.reading.diagnostics()}
    return trigger_client_event(response, DIAGNOSTICS_EVENT, diagnostics)


@requires(Need.BROWSE)
@require_POST
def preview(request: HtmxHttpRequest, draft_id: uuid.UUID) -> HttpResponse:
    """A change in the preview form: the model page's live answer, and the rules now."""
    draft = selectors.readable_draft(signed_in_user(request), draft_id)
    definition = studio.definition_of(request.POST.get(studio.DEFINITION_FIELD, draft.text))
    if definition is None:
        # The JSON is broken: the preview stays as it was, the findings say why.
        return HttpResponse(status=204)
    answer = engine.live_preview(
        definition,
        dict(request.POST.lists()),
        trigger_name=request.htmx.trigger_name,
        base_url=public_api_base_url(request),
    )
    response = engine.live_preview_response(request, answer, context=studio.form_context(draft))
    rules = studio.rules_context(studio.live_rules(definition, answer.form))
    response.write(render_to_string(f"{STUDIO}#rules", {**rules, "oob": True}, request=request))
    return response


@requires(Need.BROWSE)
@require_GET
def compare(request: HttpRequest, draft_id: uuid.UUID) -> HttpResponse:
    draft = selectors.readable_draft(signed_in_user(request), draft_id)
    before_ref, after_ref = comparison.default_refs(draft)
    before_ref = request.GET.get("a", before_ref)
    after_ref = request.GET.get("b", after_ref)
    if request.GET.get("model", "").strip():
        before_ref = comparison.MODEL_PREFIX + request.GET["model"].strip()
    context: dict[str, Any] = {
        "draft": draft,
        "before_ref": before_ref,
        "after_ref": after_ref,
        "versions": draft.versions.select_related("author"),
    }
    try:
        context["comparison"] = comparison.compare(draft, before_ref, after_ref)
    except comparison.UnknownSide as unknown:
        context["problem"] = unknown.message
    except ScenarioError as error:
        context["problem"] = f"Could not read the published model: {error.message}"
    return render(
        request, "authoring/compare.html", context, status=422 if "problem" in context else 200
    )


@requires(Need.BROWSE)
@require_POST
def save_version(request: HttpRequest, draft_id: uuid.UUID) -> HttpResponse:
    draft = selectors.editable_draft(signed_in_user(request), draft_id)
    context = page_context(request, draft)
    try:
        version = drafts.save_version(
            draft, author=signed_in_user(request), note=request.POST.get("note", "")
        )
    except drafts.DraftRefused as refused:
        return _versions_answer(request, {**context, "version_error": refused.message}, 422)
    return _versions_answer(request, {**context, "saved_version": version}, 200)


@requires(Need.BROWSE)
@require_POST
def restore_version(request: HttpRequest, draft_id: uuid.UUID, number: int) -> HttpResponse:
    user = signed_in_user(request)
    draft = selectors.editable_draft(user, draft_id)
    version = selectors.version_of(draft, number)
    drafts.restore_version(draft, version, author=user)
    messages.success(request, f"Restored version {number}. Unsaved changes were kept as a version.")
    return redirect("authoring:studio", draft.pk)


@requires(Need.BROWSE)
@require_POST
def share(request: HttpRequest, draft_id: uuid.UUID) -> HttpResponse:
    draft = selectors.editable_draft(signed_in_user(request), draft_id)
    drafts.set_shared(draft, shared=request.POST.get("shared") == "on")
    if request.headers.get("HX-Request"):
        return render(request, f"{STUDIO}#share", page_context(request, draft))
    return redirect("authoring:studio", draft.pk)


@requires(Need.BROWSE)
@require_POST
def rename(request: HttpRequest, draft_id: uuid.UUID) -> HttpResponse:
    draft = selectors.editable_draft(signed_in_user(request), draft_id)
    try:
        drafts.rename(draft, title=request.POST.get("title", ""))
    except drafts.DraftRefused as refused:
        messages.error(request, refused.message)
    return redirect("authoring:studio", draft.pk)


@requires(Need.BROWSE)
@require_POST
def copy(request: HttpRequest, draft_id: uuid.UUID) -> HttpResponse:
    user = signed_in_user(request)
    draft = selectors.readable_draft(user, draft_id)
    return redirect("authoring:studio", drafts.copy_draft(draft, owner=user).pk)


@requires(Need.BROWSE)
@require_POST
def delete(request: HttpRequest, draft_id: uuid.UUID) -> HttpResponse:
    draft = selectors.editable_draft(signed_in_user(request), draft_id)
    drafts.delete_draft(draft)
    messages.success(request, f"Deleted the draft “{draft.title}”.")
    return redirect("authoring:index")


@requires(Need.BROWSE)
@require_GET
def export(request: HttpRequest, draft_id: uuid.UUID) -> HttpResponse:
    draft = selectors.readable_draft(signed_in_user(request), draft_id)
    response = HttpResponse(draft.text, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{studio.export_name(draft)}"'
    return response


def page_context(request: HttpRequest, draft: Draft) -> dict[str, Any]:
    """What every part of the studio page needs to draw itself."""
    can_edit = draft.owner_id == signed_in_user(request).pk
    return {
        "draft": draft,
        "can_edit": can_edit,
        "versions": draft.versions.select_related("author"),
        "runs": draft.test_runs.all()[:5],
        "run_token": new_token(),
        **studio.form_context(draft),
    }


def _versions_answer(request: HttpRequest, context: dict[str, Any], status: int) -> HttpResponse:
    if request.headers.get("HX-Request"):
        return render(request, f"{STUDIO}#versions", context, status=status)
    if "version_error" in context:
        messages.error(request, context["version_error"])
    else:
        messages.success(request, f"Saved version {context['saved_version'].number}.")
    return redirect(f"{reverse('authoring:studio', args=[context['draft'].pk])}#panel-versions")
