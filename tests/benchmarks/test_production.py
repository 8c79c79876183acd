from __future__ import annotations

import sys
import urllib.request
from pathlib import Path

import pytest

from scenario_ui.benchmarks.production import (
    ServerError,
    production_environment,
    running_server,
    server_argv,
)

# A stand-in server: answers "/" once it listens; the bench starts and stops it like gunicorn.
STATIC_SERVER = f"{sys.executable} -m http.server {{port}} --bind 127.0.0.1"


def test_the_environment_is_production_over_the_sandbox(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCENARIO_SDK_API_KEY", "key")
    monkeypatch.setenv("SCENARIO_SDK_API_SECRET", "secret")
    monkeypatch.setenv("DEBUG", "true")

    environment = production_environment("sqlite:////tmp/bench.sqlite3")

    assert "SCENARIO_SDK_API_KEY" not in environment
    assert "SCENARIO_SDK_API_SECRET" not in environment
    assert (environment["DEBUG"], environment["SECURE_SSL_REDIRECT"]) == ("false", "false")
    assert environment["DATABASE_URL"] == "sqlite:////tmp/bench.sqlite3"
    assert len(environment["SECRET_KEY"]) >= 50
    assert production_environment("x")["SECRET_KEY"] != environment["SECRET_KEY"]


def test_the_server_command_gets_its_port() -> None:
    assert server_argv("gunicorn --bind 127.0.0.1:{port} 'app:site(\"a b\")'", 8105) == [
        "gunicorn",
        "--bind",
        "127.0.0.1:8105",
        'app:site("a b")',
    ]
    with pytest.raises(ServerError, match="the server command must contain"):
        server_argv("gunicorn app", 8105)


def test_a_server_runs_until_the_block_ends(unused_port: int, tmp_path: Path) -> None:
    with running_server(
        STATIC_SERVER,
        port=unused_port,
        environment={},
        name="test-server",
        ready_path="/",
        log_dir=tmp_path,
    ) as server:
        with urllib.request.urlopen(server.url + "/", timeout=5) as answer:
            assert answer.status == 200
        assert server.process.poll() is None

    assert server.process.poll() is not None


def test_a_server_that_exits_says_why(unused_port: int, tmp_path: Path) -> None:
    command = f"{sys.executable} -c 'import sys; sys.exit(\"no {{port}} for you\")'"

    with (
        pytest.raises(ServerError) as raised,
        running_server(
            command, port=unused_port, environment={}, name="test-server", log_dir=tmp_path
        ),
    ):
        pass

    assert str(raised.value) == f"the server exited (1):\nno {unused_port} for you"
