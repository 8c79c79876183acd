from __future__ import annotations

from scenario_ui.worker.backoff import next_delay


def test_the_delay_starts_at_a_second_and_grows_to_thirty() -> None:
    delays = [next_delay(None)]
    for _ in range(12):
        delays.append(next_delay(delays[-1]))
    assert delays[:4] == [1.0, 1.5, 2.25, 3.375]
    assert delays[-1] == 30.0
    assert delays == sorted(delays)


def test_never_sooner_than_retry_after() -> None:
    assert next_delay(1.0, retry_after=20) == 20
    assert next_delay(24.0, retry_after=5) == 30.0
    assert next_delay(0.0) == 1.0
