"""How long a follow task waits before reading a running job again."""

from __future__ import annotations

FIRST_SECONDS = 1.0
LONGEST_SECONDS = 30.0
GROWTH = 1.5


def next_delay(previous: float | None, *, retry_after: float | None = None) -> float:
    """1 s first, growing by half each read up to 30 s; never sooner than a Retry-After."""
    delay = FIRST_SECONDS if previous is None else min(previous * GROWTH, LONGEST_SECONDS)
    delay = max(delay, FIRST_SECONDS)
    return max(delay, retry_after or 0.0)


def first_delay(*, webhooks: bool) -> float:
    """The first read after a submission: soon, unless a webhook will say when it ends (the
    read then only guards against a lost delivery, as does the sweep)."""
    return LONGEST_SECONDS if webhooks else FIRST_SECONDS
