"""`python -m scenario_ui.benchmarks.team_export PATH USERNAME`: one CSV export, streamed
and read to the end as USERNAME, in a process of its own so its memory is this export's
alone. Prints one JSON object: status, rows, bytes, seconds, the RSS before the request
and the peak RSS (`ru_maxrss`) after the last byte, in KiB. Importing Django and the app
peaks higher than a streamed export needs, so on Linux the high-water mark is reset just
before the request (`/proc/self/clear_refs`): the peak is then the export's own
(`peak_reset` says whether it was).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.test import Client


@dataclass(frozen=True)
class Streamed:
    status: int
    rows: int
    bytes: int


@dataclass(frozen=True)
class Export:
    status: int
    rows: int
    bytes: int
    seconds: float
    rss_before_kib: int
    rss_after_kib: int
    peak_reset: bool


def read_through(status: int, chunks: Iterable[bytes]) -> Streamed:
    """Count the lines and bytes of a body, one chunk at a time (keeping none)."""
    lines = size = 0
    for chunk in chunks:
        lines += chunk.count(b"\n")
        size += len(chunk)
    # The header line is not a row.
    return Streamed(status=status, rows=max(lines - 1, 0), bytes=size)


def peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def rss_kib() -> int:
    """The resident set now (Linux), else the peak so far."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return peak_rss_kib()


def reset_peak_rss() -> bool:
    """Start the high-water mark over at the current RSS (Linux 4.0+: writing 5)."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
    except OSError:
        return False
    return True


# A prompt no row has: the warm-up export runs the same code over no rows.
NO_MATCH_QUERY = "q=no-such-prompt-in-the-bench"


def export(path: str, username: str) -> Export:
    from django.contrib.auth.models import User
    from django.test import Client

    client = Client()
    client.force_login(User.objects.get(username=username))
    # The first request loads the URLconf, the views and their modules: not the export's cost.
    fetched(client, f"{path}{'&' if '?' in path else '?'}{NO_MATCH_QUERY}")
    before = rss_kib()
    peak_reset = reset_peak_rss()
    start = time.perf_counter()
    streamed = fetched(client, path)
    return Export(
        **asdict(streamed),
        seconds=time.perf_counter() - start,
        rss_before_kib=before,
        rss_after_kib=peak_rss_kib(),
        peak_reset=peak_reset,
    )


def fetched(client: Client, path: str) -> Streamed:
    """GET `path` and read its body to the end."""
    from django.http import HttpResponseBase, StreamingHttpResponse

    response: HttpResponseBase = client.get(path)
    if isinstance(response, StreamingHttpResponse):
        return read_through(response.status_code, response.streaming_content)  # type: ignore[arg-type]
    return read_through(response.status_code, [getattr(response, "content", b"")])


def main(argv: Sequence[str]) -> int:
    path, username = argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scenario_ui.settings")
    import django

    django.setup()
    print(json.dumps(asdict(export(path, username))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
