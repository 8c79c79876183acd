from __future__ import annotations

import threading
import time

import pytest
from django.core.cache import cache as django_cache

from scenario_ui.scenario import cache


def test_second_read_is_served_from_cache():
    calls: list[str] = []

    def fetch(value: str):
        def run() -> str:
            calls.append(value)
            return value

        return run

    assert cache.get_or_fetch("k", 60, fetch("v")) == "v"
    assert cache.get_or_fetch("k", 60, fetch("other")) == "v"
    assert calls == ["v"]


def test_concurrent_misses_share_one_fetch():
    calls: list[int] = []
    results: list[str] = []

    def slow_fetch() -> str:
        calls.append(1)
        time.sleep(0.2)
        return "v"

    threads = [
        threading.Thread(
            target=lambda: results.append(cache.get_or_fetch("shared", 60, slow_fetch))
        )
        for _ in range(5)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1]
    assert results == ["v"] * 5


def test_a_failed_fetch_leaves_nothing_behind():
    def failing() -> str:
        raise RuntimeError("down")

    with pytest.raises(RuntimeError):
        cache.get_or_fetch("k", 60, failing)
    assert django_cache.get("k") is None
    assert django_cache.get("k:in-flight") is None
    assert cache.get_or_fetch("k", 60, lambda: "v") == "v"


def test_waits_for_another_process_holding_the_flight(monkeypatch):
    monkeypatch.setattr(cache, "_POLL_SECONDS", 0.01)
    django_cache.add("k:in-flight", 1)
    threading.Timer(0.05, lambda: django_cache.set("k", "from-other-process")).start()
    assert cache.get_or_fetch("k", 60, lambda: "mine") == "from-other-process"


def test_forget_removes_the_value():
    cache.get_or_fetch("k", 60, lambda: "v")
    cache.forget("k")
    assert cache.get_or_fetch("k", 60, lambda: "new") == "new"
