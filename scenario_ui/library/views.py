"""Uploading a chosen file at once, following it until it is an asset, and showing an asset."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from scenario_ui.generate.form_page import load_definition
from scenario_ui.library.models import UploadedFile
from scenario_ui.library.previews import asset_preview
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
from scenario_ui.web.uploads import CappedUploadHandler
from scenario_ui.web.users import signed_in_user

UPLOADED_FILE = "file"


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


@require_GET
def upload_state(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(UploadedFile, pk=pk, user=signed_in_user(request))
    return _answer(refresh_upload(record))


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
