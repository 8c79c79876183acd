"""TTL caching of API reads in Django's cache, with single-flight fetching.

Concurrent requests for the same key share one fetch: within a process through
a per-key lock, across processes (Redis) through a short-lived `cache.add` lock
that the others wait on before fetching themselves.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from typing import cast

from django.core.cache import cache

_MISSING = object()
_CROSS_PROCESS_WAIT_SECONDS = 5.0
_POLL_SECONDS = 0.05

_locks_guard = threading.Lock()
_locks: weakref.WeakValueDictionary[str, threading.Lock] = weakref.WeakValueDictionary()


def _process_lock(key: str) -> threading.Lock:
    with _locks_guard:
        lock = _locks.get(key)
        if lock is None:
            lock = threading.Lock()
            _locks[key] = lock
        return lock


def _wait_for_other_process(key: str) -> object:
    deadline = time.monotonic() + _CROSS_PROCESS_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(_POLL_SECONDS)
        value = cache.get(key, _MISSING)
        if value is not _MISSING:
            return value
    return _MISSING


def get_or_fetch[T](key: str, ttl_seconds: int, fetch: Callable[[], T]) -> T:
    """Return the cached value for `key`, fetching it once on a miss.

    Failures are not cached: `fetch` raising leaves the key empty for the next try.
    """
    value = cache.get(key, _MISSING)
    if value is not _MISSING:
        return cast(T, value)
    with _process_lock(key):
        value = cache.get(key, _MISSING)
        if value is not _MISSING:
            return cast(T, value)
        flight_key = f"{key}:in-flight"
        if not cache.add(flight_key, 1, timeout=int(_CROSS_PROCESS_WAIT_SECONDS) + 1):
            value = _wait_for_other_process(key)
            if value is not _MISSING:
                return cast(T, value)
        try:
            fetched = fetch()
            cache.set(key, fetched, ttl_seconds)
            return fetched
        finally:
            cache.delete(flight_key)


def peek(key: str) -> object | None:
    """The cached value, or None: never fetches."""
    value: object | None = cache.get(key)
    return value


def put(key: str, value: object, ttl_seconds: int) -> None:
    cache.set(key, value, ttl_seconds)


def forget(*keys: str) -> None:
    cache.delete_many(keys)
