"""Adding and removing a model's training images from its Train page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from scenario_ui.team.access import Need, requires
from scenario_ui.training.images import add_images, remove_image
from scenario_ui.training.ownership import require_own_training
from scenario_ui.web.uploads import CappedUploadHandler
from scenario_ui.web.users import signed_in_user

IMAGES_FIELD = "images"


@requires(Need.SPEND)
@require_POST
@csrf_exempt  # Checked by _add_images, once the upload cap is in place (Django's recipe).
def add_images_view(request: HttpRequest, model_id: str) -> HttpResponse:
    # Each file at most MAX_UPLOAD_BYTES: past it, its bytes are not kept.
    request.upload_handlers.insert(0, CappedUploadHandler(request, {}))
    return _add_images(request, model_id)


@csrf_protect
def _add_images(request: HttpRequest, model_id: str) -> HttpResponse:
    require_own_training(signed_in_user(request), model_id)
    files = request.FILES.getlist(IMAGES_FIELD)
    if not files:
        messages.error(request, "Choose one or more images to add.")
        return redirect("training:train", model_id=model_id)
    result = add_images(model_id=model_id, files=files)
    for problem in result.problems:
        messages.error(request, problem)
    if result.added:
        count = len(result.added)
        messages.info(request, f"Added {count} training image{'s' if count != 1 else ''}.")
    return redirect("training:train", model_id=model_id)


@requires(Need.SPEND)
@require_POST
def remove_image_view(request: HttpRequest, model_id: str, image_id: str) -> HttpResponse:
    require_own_training(signed_in_user(request), model_id)
    problem = remove_image(model_id=model_id, image_id=image_id)
    if problem is not None:
        messages.error(request, f"The training image was not removed. {problem.message}")
    else:
        messages.info(request, "Removed the training image.")
    return redirect("training:train", model_id=model_id)
