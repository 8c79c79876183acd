from __future__ import annotations

import pytest

from scenario_ui.benchmarks.production import free_port


@pytest.fixture
def unused_port() -> int:
    return free_port()
