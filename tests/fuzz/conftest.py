"""Hypothesis profiles: `ci` (the default) is bounded and repeatable, so the whole suite
stays within CI time and a failure reproduces; `make fuzz` runs `fuzz`, many more random
examples, keeping failing ones in .hypothesis/ to replay first next time."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

from tests.fuzz.budget import PROFILE

# Each example of the view suites reuses one test's database and client.
_SHARED_FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]

settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=_SHARED_FIXTURES,
)
settings.register_profile(
    "fuzz",
    deadline=None,
    suppress_health_check=_SHARED_FIXTURES,
)
settings.load_profile(PROFILE)
