# Two commands matter: `make run` and `make test`. Everything else supports them.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
# Python 3.12 (.python-version): on PATH, else pyenv's copy even when its shims are not on PATH.
PYTHON ?= $(shell command -v python3.12 2>/dev/null || ls -1d $(HOME)/.pyenv/versions/3.12*/bin/python3.12 2>/dev/null | tail -n 1)
STAMP := $(VENV)/.installed
# The studio's editor (CodeMirror 6), bundled from frontend/ with pinned versions.
NPM ?= npm
FRONTEND_STAMP := frontend/node_modules/.installed
BUNDLE := static/build/studio.js
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
# The production shape `make bench-browser` and `make loadtest` measure, {port} filled in by
# them. The one place to change: point it at `make serve` (PORT={port}) once that exists.
BENCH_SERVER ?= $(BIN)/gunicorn --workers 2 --bind 127.0.0.1:{port} --no-control-socket scenario_ui.wsgi
BENCH_RUNS ?= 10
ANCHOR := bench/browser/rjsf

.PHONY: install run serve test lint typecheck pytest fuzz bench bench-browser loadtest clean

install: $(STAMP) $(BUNDLE)

# Re-installs only when pyproject.toml changes, so repeated runs cost nothing.
$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ]; then echo "Python 3.12 is required (see .python-version): install it, e.g. 'pyenv install 3.12'." >&2; exit 1; fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

# `npm ci` installs exactly what package-lock.json lists; esbuild makes one file.
$(FRONTEND_STAMP): frontend/package.json frontend/package-lock.json
	@command -v $(NPM) >/dev/null || { echo "Node.js 20+ and npm are required to build the studio's editor (apt-get install -y nodejs npm)." >&2; exit 1; }
	cd frontend && $(NPM) ci --no-audit --no-fund --loglevel=error
	@touch $@

$(BUNDLE): $(FRONTEND_STAMP) $(wildcard frontend/src/*.js)
	cd frontend && $(NPM) run --silent build

run: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py seed_sandbox
	$(BIN)/python manage.py ensure_demo_user
	$(BIN)/python manage.py sandbox_credentials --base-url http://$(HOST):$(PORT)/sandbox/v1
	@# The demo team's last 30 days (sandbox mode only; re-running adds nothing).
	@if [ -z "$$SCENARIO_SDK_API_KEY" ]; then $(BIN)/python manage.py seed_sandbox_history && $(BIN)/python manage.py seed_team_history; fi
	@# The sandbox tells the app when its jobs end, as Scenario does (with real credentials,
	@# register a public URL by hand: see README, "Deploy").
	@if [ -z "$$SCENARIO_SDK_API_KEY" ]; then $(BIN)/python manage.py scenario_webhook register --if-missing --base-url http://$(HOST):$(PORT); fi
	@echo "Starting the web server and one background worker (Procfile); Ctrl-C stops both."
	PATH="$(abspath $(BIN)):$$PATH" HOST=$(HOST) $(BIN)/honcho start --port $(PORT) --procfile Procfile

# The production shape: gunicorn (WEB_CONCURRENCY workers) + WhiteNoise + a task worker,
# DEBUG off (SECRET_KEY from the environment, else a new one per start). Behind no TLS
# proxy here, SECURE_SSL_REDIRECT and SECURE_COOKIES are off unless set.
serve: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py seed_sandbox
	$(BIN)/python manage.py ensure_demo_user
	$(BIN)/python manage.py sandbox_credentials --base-url http://$(HOST):$(PORT)/sandbox/v1
	export SECRET_KEY="$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
	  DEBUG=false SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}" SECURE_COOKIES="$${SECURE_COOKIES:-false}" HOST=$(HOST) PATH="$(abspath $(BIN)):$$PATH" && \
	  $(BIN)/python manage.py collectstatic --no-input -v 0 && \
	  $(BIN)/honcho start --port $(PORT) --procfile Procfile.serve

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy scenario_ui tests

pytest: install
	@if [ ! -x "$(CHROMIUM)" ]; then echo "Chromium not found at $(CHROMIUM): install it (apt-get install -y chromium) for the browser tests." >&2; exit 1; fi
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest $(PYTEST_ARGS)

test: lint typecheck pytest

# The property-based suite with many more random examples than CI runs (tests/fuzz/budget.py);
# failing examples are kept in .hypothesis/ and replayed first next time.
fuzz: install
	HYPOTHESIS_PROFILE=fuzz DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest tests/fuzz $(PYTEST_ARGS)

bench: install
	$(BIN)/python manage.py bench
	$(BIN)/python manage.py bench_studio
	$(BIN)/python -m scenario_ui.benchmarks.jobs $(BENCH_JOBS_ARGS)
	@# The team dashboard on 100,000 rows: PostgreSQL only (a database of its own, dropped after).
	@if [[ "$$DATABASE_URL" == postgres* ]]; then $(BIN)/python manage.py bench_team $(BENCH_TEAM_ARGS); \
	else echo "bench_team skipped: it needs PostgreSQL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/scenario_ui make bench"; fi

# The benchmarks' extra packages (locust, ...), installed by their targets only.
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	@touch $(BENCH_STAMP)

# The RJSF anchor page, built only here (npm), into git-ignored folders of $(ANCHOR).
$(ANCHOR)/dist/index.html: $(addprefix $(ANCHOR)/,package.json package-lock.json index.html vite.config.js to_jsonschema.py) $(wildcard $(ANCHOR)/src/* $(ANCHOR)/defs/*)
	@command -v npm >/dev/null || { echo "npm is required to build the RJSF anchor (apt-get install -y npm)." >&2; exit 1; }
	cd $(ANCHOR) && npm ci --no-audit --no-fund && npm run build

# Our model page against the RJSF anchor in Chromium: BENCH_RUNS runs each, alternating.
bench-browser: $(BENCH_STAMP) $(ANCHOR)/dist/index.html
	@if [ ! -x "$(CHROMIUM)" ]; then echo "Chromium not found at $(CHROMIUM)." >&2; exit 1; fi
	CHROMIUM_PATH=$(CHROMIUM) $(BIN)/python -m scenario_ui.benchmarks.browser --runs $(BENCH_RUNS) --server-command '$(BENCH_SERVER)' $(BENCH_ARGS)

# The request rate the production server sustains with p99 <= 200 ms (locust, headless).
loadtest: $(BENCH_STAMP)
	@if [ ! -x "$(CHROMIUM)" ]; then echo "Chromium not found at $(CHROMIUM)." >&2; exit 1; fi
	CHROMIUM_PATH=$(CHROMIUM) $(BIN)/python -m scenario_ui.benchmarks.loadtest --server-command '$(BENCH_SERVER)' $(LOADTEST_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles frontend/node_modules static/build .bench $(ANCHOR)/node_modules $(ANCHOR)/dist $(ANCHOR)/public
