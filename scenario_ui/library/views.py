"""Uploading a chosen file at once, following it until it is an asset, and showing an asset."""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.csp import CSP
from django.utils.http import urlencode
from django.views.decorators.csp import csp_override
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from scenario_ui.generate.form_page import load_definition
from scenario_ui.generate.job_list import model_choices
from scenario_ui.library.gallery import KINDS, GalleryFilters, gallery_page
from scenario_ui.library.models import UploadedFile
from scenario_ui.library.picker import pickable_assets
from scenario_ui.library.previews import asset_preview
from scenario_ui.library.reuse import inputs_taking
from scenario_ui.library.uploading import (
    NotUploaded,
    Uploaded,
    UploadResult,
    file_spec,
    refresh_upload,
    upload_cap,
    upload_chosen_file,
)
from scenario_ui.schema import ModelDefinition
from scenario_ui.team.access import Need, requires
from scenario_ui.web.htmx import HtmxHttpRequest
from scenario_ui.web.uploads import CappedUploadHandler
from scenario_ui.web.users import signed_in_user

UPLOADED_FILE = "file"
# Google's <model-viewer> (4.4.0, vendored by `make install`) draws its shadow DOM from a
# template holding one <style> element. The pages that show 3D allow exactly that
# stylesheet, by its hash (a test re-hashes the vendored file): no 'unsafe-inline'. It
# fetches the model file itself: from the API's CDN (https:) as images and players do.
MODEL_VIEWER_STYLE = "'sha256-PXtZZkJMMyc18o/DN1ZEFOJ2qEGq95IQbVaJFMOXOb0='"
VIEWER_CSP: dict[str, list[str]] = {
    **cast(dict[str, list[str]], settings.SECURE_CSP),
    "style-src": [CSP.SELF, MODEL_VIEWER_STYLE],
    "connect-src": [CSP.SELF, "https:"],
}


@requires(Need.BROWSE)
@require_POST
@csrf_exempt  # Checked by _upload, once the cap is in place (Django's recipe).
def upload(request: HttpRequest, model_id: str) -> HttpResponse:
    """`?input=<posted name>`: known before the body is read, so the file is capped as it
    streams in."""
    definition = load_definition(model_id)
    input_name = request.GET.get("input", "")
    spec = file_spec(definition, input_name)
    if spec is not None:
        handler = CappedUploadHandler(request, {UPLOADED_FILE: upload_cap(spec)})
        request.upload_handlers.insert(0, handler)
    return _upload(request, definition, input_name)


@csrf_protect
def _upload(request: HttpRequest, definition: ModelDefinition, input_name: str) -> HttpResponse:
    file = request.FILES.get(UPLOADED_FILE)
    if file is None:
        return _answer(NotUploaded("No file arrived: choose it again."))
    result = upload_chosen_file(
        user=signed_in_user(request), definition=definition, input_name=input_name, file=file
    )
    return _answer(result)


@requires(Need.BROWSE)
@require_GET
def upload_state(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(UploadedFile, pk=pk, user=signed_in_user(request))
    return _answer(refresh_upload(record))


@requires(Need.BROWSE)
@require_GET
def preview(request: HttpRequest) -> HttpResponse:
    """`?asset=<id>`: its thumbnail or player; `for` names the control Remove empties."""
    context = {
        "preview": asset_preview(request.GET.get("asset", "")),
        "control_id": request.GET.get("for", ""),
    }
    return render(request, "library/_asset_preview.html", context)


def _answer(result: UploadResult) -> JsonResponse:
    """JSON for the form's script: 200 with the asset, 202 while it is made, else 422."""
    match result:
        case NotUploaded(message=message):
            return JsonResponse({"message": message}, status=422)
        case Uploaded(record=record) if record.failure:
            message = f"{record.file_name} was refused: {record.failure}"
            return JsonResponse({"message": message}, status=422)
        case Uploaded(record=record) if record.asset_id:
            query = urlencode({"asset": record.asset_id})
            body: dict[str, Any] = {
                "assetId": record.asset_id,
                "previewUrl": f"{reverse('library:preview')}?{query}",
            }
            return JsonResponse(body)
        case Uploaded(record=record):
            state_url = reverse("library:upload_state", args=[record.pk])
            return JsonResponse({"stateUrl": state_url}, status=202)


@requires(Need.BROWSE)
@require_GET
@csp_override(VIEWER_CSP)
def creations(request: HtmxHttpRequest) -> HttpResponse:
    """My creations; `?before=<job>` is the next page (appended as the list scrolls)."""
    user = signed_in_user(request)
    filters = GalleryFilters.from_query(request.GET)
    cursor = request.GET.get("before", "")
    before = int(cursor) if cursor.isascii() and cursor.isdigit() else None
    context = {
        "page": gallery_page(user=user, filters=filters, before=before),
        "filters": filters,
        "kinds": KINDS,
        "model_choices": model_choices(user=user),
    }
    if request.htmx and before is not None:
        return render(request, "library/creations.html#more", context)
    if request.htmx:
        return render(request, "library/creations.html#results", context)
    return render(request, "library/creations.html", context)


@requires(Need.BROWSE)
@require_GET
@csp_override(VIEWER_CSP)
def use_as_input(request: HttpRequest) -> HttpResponse:
    """Pick the model, then which of its file inputs the asset fills."""
    asset_id = request.GET.get("asset", "")
    model_id = request.GET.get("model", "").strip()
    preview = asset_preview(asset_id)
    definition = load_definition(model_id) if model_id else None
    context = {
        "preview": preview,
        "asset_id": asset_id,
        "definition": definition,
        "choices": inputs_taking(definition, getattr(preview, "shown", ""))
        if definition is not None
        else [],
    }
    return render(request, "library/use_as_input.html", context)


@requires(Need.BROWSE)
@require_GET
def picker(request: HttpRequest) -> HttpResponse:
    """`?fills=<input name>&kind=<kind>&q=<search>`: the user's files to choose from."""
    query = request.GET
    page = pickable_assets(
        user=signed_in_user(request), search=query.get("q", "").strip(), kind=query.get("kind", "")
    )
    context = {"page": page, "fills": query.get("fills", ""), "q": query.get("q", "")}
    return render(request, "library/_picker.html", context)
