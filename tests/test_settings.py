from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run_check(**env: str) -> subprocess.CompletedProcess[str]:
    # The test run's own switches (browser tests' async override, credentials) are not
    # part of a deployment.
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("SCENARIO_SDK_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deploy_check():
    result = _run_check(
        DEBUG="false",
        SECRET_KEY="x" * 64 + "production-secret-key-0123456789",
        ALLOWED_HOSTS="example.com",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _run_check(DEBUG="false", SECRET_KEY="", ALLOWED_HOSTS="example.com")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/accounts/login/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"].startswith("'self' 'nonce-")
    assert directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


@pytest.mark.django_db
def test_the_htmx_script_carries_the_nonce(client):
    response = client.get("/accounts/login/")
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()


def _run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`code` run after django.setup() in a fresh process with `env` (and no test switches)."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SCENARIO_SDK_", "SANDBOX_")) and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    setup = "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
    setup += "'scenario_ui.settings'); django.setup()\n"
    return subprocess.run(
        [sys.executable, "-c", setup + code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


PRINT_KEY_PAIR = (
    "from django.conf import settings; print(settings.SANDBOX_API_KEY, settings.SANDBOX_API_SECRET)"
)


def test_the_sandbox_key_pair_comes_from_the_environment_first(tmp_path: Path):
    saved = tmp_path / "credentials.json"
    saved.write_text('{"key": "file-key", "secret": "file-secret"}')
    result = _run_python(
        PRINT_KEY_PAIR,
        SANDBOX_CREDENTIALS_FILE=str(saved),
        SANDBOX_API_KEY="env-key",
        SANDBOX_API_SECRET="env-secret",
    )
    assert result.stdout.split() == ["env-key", "env-secret"], result.stderr


def test_the_sandbox_key_pair_is_kept_across_restarts_once_saved(tmp_path: Path):
    saved = tmp_path / "credentials.json"
    first = _run_python(PRINT_KEY_PAIR, SANDBOX_CREDENTIALS_FILE=str(saved))
    second = _run_python(PRINT_KEY_PAIR, SANDBOX_CREDENTIALS_FILE=str(saved))
    # Without the file, each process makes up its own pair.
    assert first.stdout != second.stdout
    assert len(first.stdout.split()) == 2

    made = subprocess.run(
        [sys.executable, "manage.py", "sandbox_credentials", "--base-url", "http://h/sandbox/v1"],
        cwd=ROOT,
        env={**os.environ, "SANDBOX_CREDENTIALS_FILE": str(saved)},
        capture_output=True,
        text=True,
        check=True,
    )
    key, secret = _run_python(PRINT_KEY_PAIR, SANDBOX_CREDENTIALS_FILE=str(saved)).stdout.split()
    assert made.stdout.strip() == (
        f"Sandbox API -> base URL: http://h/sandbox/v1  key: {key}  secret: {secret}"
    )
    assert _run_python(PRINT_KEY_PAIR, SANDBOX_CREDENTIALS_FILE=str(saved)).stdout.split() == [
        key,
        secret,
    ]
    assert saved.stat().st_mode & 0o077 == 0


def test_the_sandbox_is_not_served_at_all_with_real_credentials():
    code = (
        "from django.urls import Resolver404, resolve\n"
        "for path in ('/sandbox/v1/models', '/sandbox/v1/jobs', '/sandbox/v1/'):\n"
        "    try:\n"
        "        resolve(path)\n"
        "        print('served', path)\n"
        "    except Resolver404:\n"
        "        print('absent', path)\n"
    )
    live = _run_python(code, SCENARIO_SDK_API_KEY="real", SCENARIO_SDK_API_SECRET="pair")
    assert live.stdout.split() == [
        "absent",
        "/sandbox/v1/models",
        "absent",
        "/sandbox/v1/jobs",
        "absent",
        "/sandbox/v1/",
    ], live.stderr
    assert "served /sandbox/v1/models" in _run_python(code).stdout


def test_a_server_errors_traceback_reaches_stderr_with_debug_off():
    code = (
        "import logging\n"
        "try:\n"
        "    raise ValueError('the cause')\n"
        "except ValueError:\n"
        "    logging.getLogger('django.request').error('Internal Server Error', exc_info=True)\n"
    )
    result = _run_python(code, DEBUG="false", SECRET_KEY="x" * 64, ALLOWED_HOSTS="example.com")
    assert "Internal Server Error" in result.stderr
    assert "ValueError: the cause" in result.stderr


def test_the_sandbox_pace_and_credit_limit_come_from_the_environment(tmp_path: Path):
    shown = (
        "from scenario_ui.sandbox.jobs import job_seconds\n"
        "from scenario_ui.sandbox.trainings import training_seconds\n"
        "from scenario_ui.sandbox.team_credits import monthly_limit\n"
        "print(job_seconds(), training_seconds(), monthly_limit())"
    )
    credentials = str(tmp_path / "credentials.json")
    defaults = _run_python(shown, SANDBOX_CREDENTIALS_FILE=credentials)
    assert defaults.stdout.split() == ["4.0", "12.0", "10000.0"], defaults.stderr
    chosen = _run_python(
        shown,
        SANDBOX_CREDENTIALS_FILE=credentials,
        SANDBOX_JOB_SECONDS="0.5",
        SANDBOX_TRAINING_SECONDS="3",
        SANDBOX_TEAM_CREDIT_LIMIT="30",
    )
    assert chosen.stdout.split() == ["0.5", "3.0", "30.0"], chosen.stderr
