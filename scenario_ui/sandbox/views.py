"""The sandbox's REST endpoints, mounted under /sandbox/v1/ like Scenario's /v1/."""

from __future__ import annotations

from typing import Final

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.http import content_disposition_header, urlencode

from scenario_ui.sandbox.api.bodies import (
    parse_get_bulk_body,
    parse_id_list,
    parse_json_object,
    required_text,
)
from scenario_ui.sandbox.api.endpoint import sandbox_endpoint
from scenario_ui.sandbox.api.errors import SandboxApiError, error_response
from scenario_ui.sandbox.api.job_listing import JobListQuery, fetch_job_page
from scenario_ui.sandbox.api.listing import ModelListQuery, fetch_model_page
from scenario_ui.sandbox.api.records import find_model_record, rows_in_requested_order
from scenario_ui.sandbox.assets import (
    asset_json,
    assets_in_requested_order,
    find_asset,
    store_asset,
)
from scenario_ui.sandbox.authored_models import create_model, delete_model, update_model
from scenario_ui.sandbox.files import image_from_upload
from scenario_ui.sandbox.generation import check_dry_run, custom_model
from scenario_ui.sandbox.jobs import cancel_job, find_job, job_json, submit_job
from scenario_ui.sandbox.models import SandboxUpload
from scenario_ui.sandbox.pricing import price
from scenario_ui.sandbox.prompt_spark import spark
from scenario_ui.sandbox.training_images import add_training_image, delete_training_image
from scenario_ui.sandbox.training_request import check_training, simulated_images_count
from scenario_ui.sandbox.trainings import (
    cancel_training,
    find_training,
    start_training,
    training_job,
)
from scenario_ui.sandbox.uploads import (
    MAX_FILE_BYTES,
    PartUrl,
    complete_upload,
    find_upload,
    store_part,
    upload_json,
)
from scenario_ui.sandbox.uploads import create_upload as start_upload
from scenario_ui.sandbox.webhooks import deliver_training_when_done, deliver_when_done

# The API answers a dry run with this non-standard success status.
DRY_RUN_STATUS: Final = 269
DRY_RUN_VALUES: Final = ("true", "api")
JOB_ACTIONS: Final = ("cancel",)
TRAINING_ACTIONS: Final = ("cancel",)
UPLOAD_ACTIONS: Final = ("complete",)
# An asset's bytes never change. "private" keeps shared caches out: the URL is the secret.
ASSET_CACHE_CONTROL: Final = "private, max-age=31536000, immutable"
# The bytes were sent by a client; served from the app's origin, they must not run scripts.
ASSET_CONTENT_SECURITY_POLICY: Final = "default-src 'none'; sandbox"


@sandbox_endpoint("GET", "POST")
def models_collection(request: HttpRequest) -> JsonResponse:
    """`GET /models` lists a page; `POST /models` creates a model."""
    if request.method == "POST":
        body = parse_json_object(request.body or b"{}", "the model's fields")
        return JsonResponse({"model": create_model(body)})
    page = fetch_model_page(ModelListQuery.from_params(request.GET))
    return JsonResponse(page.as_json())


@sandbox_endpoint("GET", "PUT", "DELETE")
def model_detail(request: HttpRequest, model_id: str) -> JsonResponse:
    """`GET`, `PUT` (update) and `DELETE /models/{modelId}`."""
    if request.method == "PUT":
        body = parse_json_object(request.body or b"{}", "the fields to change")
        return JsonResponse({"model": update_model(model_id, body)})
    if request.method == "DELETE":
        delete_model(model_id)
        return JsonResponse({})
    return JsonResponse({"model": find_model_record(model_id)})


@sandbox_endpoint("POST")
def get_models_in_bulk(request: HttpRequest) -> JsonResponse:
    model_ids = parse_get_bulk_body(request.body)
    return JsonResponse({"models": rows_in_requested_order(model_ids)})


@sandbox_endpoint("POST")
def add_model_training_image(request: HttpRequest, model_id: str) -> JsonResponse:
    body = parse_json_object(request.body, "data and name, or assetId")
    return JsonResponse(add_training_image(model_id, body))


@sandbox_endpoint("DELETE")
def delete_model_training_image(request: HttpRequest, model_id: str, image_id: str) -> JsonResponse:
    return JsonResponse(delete_training_image(model_id, image_id))


@sandbox_endpoint("PUT")
def train_model(request: HttpRequest, model_id: str) -> JsonResponse:
    dry_run = request.GET.get("dryRun") in DRY_RUN_VALUES
    # The parameters are optional, and so is the body that would hold them.
    body = parse_json_object(request.body or b"{}", "the training parameters")
    order = check_training(
        model_id,
        body.get("parameters", {}),
        simulated_images=simulated_images_count(request.GET) if dry_run else None,
    )
    if dry_run:
        return JsonResponse(order.cost.as_json(), status=DRY_RUN_STATUS)
    training = start_training(order)
    deliver_training_when_done(training)
    document = {"job": training_job(training), "model": find_model_record(model_id)}
    return JsonResponse({**document, **order.cost.as_json()})


@sandbox_endpoint("POST")
def trigger_training_action(request: HttpRequest, model_id: str) -> JsonResponse:
    _require_action(request, TRAINING_ACTIONS)
    cancel_training(model_id)
    return JsonResponse({"model": find_model_record(model_id)})


@sandbox_endpoint("POST")
def run_custom_model(request: HttpRequest, model_id: str) -> JsonResponse:
    definition = custom_model(model_id)
    body = parse_json_object(request.body, "the model's inputs")
    cost = price(definition, body)
    if request.GET.get("dryRun") in DRY_RUN_VALUES:
        check_dry_run(definition, body)
        return JsonResponse(cost.as_json(), status=DRY_RUN_STATUS)
    job = submit_job(model_id, definition, body, cost)
    deliver_when_done(job)
    return JsonResponse({"job": job_json(job), **cost.as_json()})


@sandbox_endpoint("POST")
def generate_prompt(request: HttpRequest) -> JsonResponse:
    body = parse_json_object(request.body, "the prompt request")
    status, answer = spark(body, dry_run=request.GET.get("dryRun") in DRY_RUN_VALUES)
    return JsonResponse(answer, status=status)


@sandbox_endpoint("GET")
def list_jobs(request: HttpRequest) -> JsonResponse:
    return JsonResponse(fetch_job_page(JobListQuery.from_params(request.GET)))


@sandbox_endpoint("GET")
def retrieve_job(request: HttpRequest, job_id: str) -> JsonResponse:
    training = find_training(job_id)
    if training is not None:
        return JsonResponse({"job": training_job(training)})
    return JsonResponse({"job": job_json(find_job(job_id))})


@sandbox_endpoint("POST")
def trigger_job_action(request: HttpRequest, job_id: str) -> JsonResponse:
    training = find_training(job_id)
    if training is not None:
        _require_action(request, JOB_ACTIONS)
        cancel_training(training.model_id)
        training.refresh_from_db()
        return JsonResponse({"job": training_job(training)})
    job = find_job(job_id)
    _require_action(request, JOB_ACTIONS)
    cancel_job(job)
    return JsonResponse({"job": job_json(job)})


@sandbox_endpoint("POST")
def upload_asset(request: HttpRequest) -> JsonResponse:
    document = parse_json_object(request.body, "name and image")
    image = image_from_upload(required_text(document, "image"), required_text(document, "name"))
    return JsonResponse({"asset": asset_json(store_asset(image, source="uploaded"))})


@sandbox_endpoint("POST")
def get_assets_in_bulk(request: HttpRequest) -> JsonResponse:
    asset_ids = parse_id_list(request.body, "assetIds", "asset")
    return JsonResponse({"assets": [asset_json(a) for a in assets_in_requested_order(asset_ids)]})


@sandbox_endpoint("GET")
def retrieve_asset(request: HttpRequest, asset_id: str) -> JsonResponse:
    return JsonResponse({"asset": asset_json(find_asset(asset_id))})


@sandbox_endpoint("GET", "HEAD", credentials=False)
def asset_content(request: HttpRequest, asset_id: str) -> HttpResponse:
    """The bytes, without credentials: browsers load them in <img>, <audio>, 3D viewers."""
    asset = find_asset(asset_id)
    response = HttpResponse(bytes(asset.content), content_type=asset.mime_type)
    response["Content-Disposition"] = content_disposition_header(False, asset.name) or "inline"
    response["Cache-Control"] = ASSET_CACHE_CONTROL
    response["Content-Security-Policy"] = ASSET_CONTENT_SECURITY_POLICY
    return response


@sandbox_endpoint("POST")
def create_upload(request: HttpRequest) -> JsonResponse:
    upload = start_upload(parse_json_object(request.body, "the file's name, type, size, kind"))
    return JsonResponse({"upload": upload_json(upload, _part_url(request))})


@sandbox_endpoint("GET")
def retrieve_upload(request: HttpRequest, upload_id: str) -> JsonResponse:
    return JsonResponse({"upload": upload_json(find_upload(upload_id), _part_url(request))})


@sandbox_endpoint("POST")
def trigger_upload_action(request: HttpRequest, upload_id: str) -> JsonResponse:
    _require_action(request, UPLOAD_ACTIONS)
    return JsonResponse({"upload": upload_json(complete_upload(upload_id), _part_url(request))})


@sandbox_endpoint("PUT", credentials=False)
def put_upload_part(request: HttpRequest, upload_id: str, number: int) -> HttpResponse:
    """Storage, not the API: a part's bytes, read past the request body limit up to a file's."""
    content = request.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES:
        raise SandboxApiError(413, f"A part may hold at most {MAX_FILE_BYTES} bytes")
    store_part(upload_id, number, request.GET.get("secret", ""), content)
    return HttpResponse(status=200)


def _part_url(request: HttpRequest) -> PartUrl:
    def url(upload: SandboxUpload, number: int) -> str:
        path = reverse("sandbox:upload-part", args=[upload.id, number])
        return request.build_absolute_uri(f"{path}?{urlencode({'secret': upload.part_secret})}")

    return url


def _require_action(request: HttpRequest, actions: tuple[str, ...]) -> None:
    action = parse_json_object(request.body, "an action").get("action")
    if action not in actions:
        raise SandboxApiError(
            400, f'Invalid action "{action}"; expected one of: {", ".join(actions)}'
        )


ANY_METHOD: Final = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


@sandbox_endpoint(*ANY_METHOD)
def route_not_found(request: HttpRequest) -> JsonResponse:
    return error_response(404, f"Route not found: {request.method} {request.path}")
