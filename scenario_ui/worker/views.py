from __future__ import annotations

from dataclasses import asdict

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from scenario_ui.worker.health import check_health
from scenario_ui.worker.hooks import Received, UnknownToken, Unreadable, receive


@require_GET
@never_cache
@login_not_required
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database, the cache and a worker are healthy; 503 saying which is not."""
    health = check_health()
    return JsonResponse(asdict(health), status=200 if health.healthy else 503)


@require_POST
@csrf_exempt  # Scenario posts without a session: the token in the URL is the check.
@login_not_required
def scenario_hook(request: HttpRequest, token: str) -> HttpResponse:
    """A webhook delivery: recorded once per event, and the job it names read at once."""
    match receive(token, request.body):
        case UnknownToken():
            return JsonResponse({"reason": "Not found"}, status=404)
        case Unreadable(reason=reason):
            return JsonResponse({"reason": reason}, status=400)
        case Received(duplicate=duplicate, followed=followed):
            return JsonResponse({"duplicate": duplicate, "followed": followed})
