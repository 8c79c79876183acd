from __future__ import annotations

from dataclasses import asdict

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from scenario_ui.worker.health import check_health


@require_GET
@never_cache
@login_not_required
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database, the cache and a worker are healthy; 503 saying which is not."""
    health = check_health()
    return JsonResponse(asdict(health), status=200 if health.healthy else 503)
