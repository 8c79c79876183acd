"""What a load balancer asks: are the database, the cache and a worker all working?"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.db.utils import DatabaseError

from scenario_ui.worker.heartbeat import STALE_AFTER, worker_state

OK = "ok"


@dataclass(frozen=True)
class Health:
    database: str
    cache: str
    worker: str

    @property
    def healthy(self) -> bool:
        return self.database == self.cache == self.worker == OK


def check_health() -> Health:
    database = _database()
    return Health(
        database=database,
        cache=_cache(),
        # Without a database no heartbeat can be read: say so rather than guess.
        worker=_worker() if database == OK else "unknown: the database is down",
    )


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return f"failing: {type(error).__name__}"
    return OK


def _cache() -> str:
    key, value = "healthz-probe", secrets.token_hex(8)
    try:
        cache.set(key, value, 10)
        read = cache.get(key)
    except Exception as error:  # Any backend's failure (Redis down...) means unhealthy.
        return f"failing: {type(error).__name__}"
    return OK if read == value else "failing: a value written was not read back"


def _worker() -> str:
    state = worker_state()
    if not state.is_stale:
        return OK
    if state.silent_seconds is None:
        return "no worker has reported yet"
    limit = round(STALE_AFTER.total_seconds())
    return f"no heartbeat for {state.silent_seconds} s (more than {limit} s)"
