"""The RJSF anchor's build, served the way the app serves its static files: by WhiteNoise,
compressed ahead of time, from a gunicorn worker. Started as
`gunicorn 'scenario_ui.benchmarks.static_site:site("<dist folder>")'`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from whitenoise import WhiteNoise

type StartResponse = Callable[[str, list[tuple[str, str]]], object]


def not_found(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"Not found"]


def site(root: str) -> WhiteNoise:
    """`root` (with an index.html) as a WSGI application; anything else is a 404."""
    return WhiteNoise(not_found, root=root, index_file=True, autorefresh=False)
