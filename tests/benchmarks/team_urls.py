"""Stand-ins for the team pages the bench reads: a feed with cursor links and a streamed
CSV; the spend page is left out, to be reported missing."""

from __future__ import annotations

from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import path

from scenario_ui.generate.models import Generation

LAST_PAGE = 30


def feed(request: HttpRequest) -> HttpResponse:
    depth = int(request.GET.get("cursor", "0") or 0)
    if depth >= LAST_PAGE:
        return HttpResponse("<main>The end.</main>")
    links = (
        f'<a href="?cursor={depth - 1}">Newer</a> <a href="?cursor={depth + 1}&amp;q=">Older</a>'
    )
    return HttpResponse(f"<main>{request.GET.urlencode()} {links}</main>")


def feed_csv(request: HttpRequest) -> StreamingHttpResponse:
    def rows() -> Iterator[bytes]:
        yield b"job,status\n"
        for job_id, status in Generation.objects.values_list("job_id", "status").iterator():
            yield f"{job_id},{status}\n".encode()

    return StreamingHttpResponse(rows(), content_type="text/csv")


urlpatterns = [
    path("team/", feed),
    path("team/feed.csv", feed_csv),
]
