"""The app as it runs in production, for the benchmarks to measure from outside.

Gunicorn, `DEBUG=false`, WhiteNoise serving the compressed collected static files, the
embedded sandbox with the bench definitions added, on a database of its own (so a run
never touches the developer's). Only `SECURE_SSL_REDIRECT` is off: the bench speaks
plain HTTP on the loopback. The server command is a parameter (`make` passes
`BENCH_SERVER`), so the benchmarks measure whatever starts the production server.
"""

from __future__ import annotations

import os
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from scenario_ui.benchmarks.definitions import DEFINITIONS
from scenario_ui.benchmarks.paths import PROJECT_DIR, WORK_DIR

BENCH_DATABASE: Final = WORK_DIR / "bench.sqlite3"
DEMO_PASSWORD: Final = "bench-demo-password"
# Our server answers this page without a session once it is up.
READY_PATH: Final = "/accounts/login/"
START_TIMEOUT_SECONDS: Final = 60
STOP_TIMEOUT_SECONDS: Final = 10
# Enough for both gunicorn workers to take a few (the kernel picks which one accepts).
WARM_UP_REQUESTS: Final = 6
# Credentials would make the app talk to Scenario itself: the bench measures the sandbox.
LIVE_API_VARIABLES: Final = ("SCENARIO_SDK_API_KEY", "SCENARIO_SDK_API_SECRET")


class ServerError(Exception):
    """The production server could not be prepared or started; the message says why."""


@dataclass(frozen=True)
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path


def production_environment(database_url: str) -> dict[str, str]:
    """This process's environment with the production settings the benchmarks run under."""
    environment = {key: value for key, value in os.environ.items() if key not in LIVE_API_VARIABLES}
    environment.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=database_url,
        DEMO_PASSWORD=DEMO_PASSWORD,
    )
    return environment


def fresh_database_url() -> str:
    """A new, empty SQLite database for this run (the last run's is removed)."""
    WORK_DIR.mkdir(exist_ok=True)
    BENCH_DATABASE.unlink(missing_ok=True)
    return f"sqlite:///{BENCH_DATABASE}"


def prepare(environment: dict[str, str]) -> None:
    """Migrate, collect static files, seed the sandbox, add the bench definitions."""
    WORK_DIR.mkdir(exist_ok=True)
    steps: list[Sequence[str]] = [
        ["migrate", "--no-input"],
        ["collectstatic", "--no-input"],
        ["seed_sandbox"],
        ["ensure_demo_user"],
        ["add_sandbox_models", *(str(definition.path) for definition in DEFINITIONS)],
    ]
    for step in steps:
        finished = subprocess.run(
            [sys.executable, "manage.py", *step],
            cwd=PROJECT_DIR,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        if finished.returncode != 0:
            raise ServerError(f"manage.py {step[0]} failed:\n{finished.stderr.strip()}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def server_argv(command: str, port: int) -> list[str]:
    """The server command's words with `{port}` filled in."""
    if "{port}" not in command:
        raise ServerError(f"the server command must contain {{port}}: {command!r}")
    return shlex.split(command.replace("{port}", str(port)))


@contextmanager
def production_server(command: str, *, port: int, database_url: str, name: str) -> Iterator[Server]:
    """Our app prepared (see `prepare`) and started with `command` in production settings,
    on `port` (0: a free one) over `database_url` (empty: a fresh SQLite file)."""
    environment = production_environment(database_url or fresh_database_url())
    prepare(environment)
    with running_server(
        command, port=port or free_port(), environment=environment, name=name
    ) as server:
        yield server


@contextmanager
def running_server(
    command: str,
    *,
    port: int,
    environment: dict[str, str],
    name: str,
    ready_path: str = READY_PATH,
    log_dir: Path = WORK_DIR,
) -> Iterator[Server]:
    """Start `command` on `port` in a process group of its own, wait until it answers, and
    stop it afterwards. Its output goes to <log_dir>/<name>.log."""
    argv = server_argv(command, port)
    log_dir.mkdir(exist_ok=True)
    log = log_dir / f"{name}.log"
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as output:
        process = subprocess.Popen(
            argv,
            cwd=PROJECT_DIR,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_until_ready(url + ready_path, process, log)
        yield Server(url=url, process=process, log=log)
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    """End the server and its workers: the group this process leads, and nothing else."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(STOP_TIMEOUT_SECONDS)


def warm_up(url: str, *, cookie_header: str, times: int = WARM_UP_REQUESTS) -> None:
    """GET `url` a few times, so every worker has loaded the page's code and data before
    anything is measured (each worker has its own template and definition caches)."""
    request = urllib.request.Request(url, headers={"Cookie": cookie_header})
    for _ in range(times):
        with urllib.request.urlopen(request, timeout=30) as answer:
            answer.read()


def _wait_until_ready(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while True:
        if process.poll() is not None:
            raise ServerError(f"the server exited ({process.returncode}):\n{_tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise ServerError(
                f"no answer from {url} after {START_TIMEOUT_SECONDS} s:\n{_tail(log)}"
            )
        time.sleep(0.2)


def _tail(log: Path, lines: int = 20) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
