# The two commands a new user needs: `make run` and `make test`; `make bench` measures speed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup test-setup lint bench wrk

# The local server runs in debug mode; a deployment leaves DJANGO_DEBUG unset (off).
setup run: export DJANGO_DEBUG ?= 1

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(wildcard package-lock.json) | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	if [ -f package-lock.json ]; then npm ci --silent --no-audit --no-fund; fi
	touch $@

setup: $(VENV)/.installed
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_initial_data
	@if [ -n "$$DJANGO_SUPERUSER_USERNAME" ]; then \
		$(BIN)/python manage.py ensure_administrator; \
	fi

run: setup
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test-setup: $(VENV)/.installed-dev

test: test-setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: test-setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# wrk is a system package: say how to get it rather than install anything.
wrk:
	@command -v wrk >/dev/null || { echo "make bench needs wrk: apt-get install wrk (Debian, Ubuntu)." >&2; exit 1; }

# BENCH_SECONDS (each run), BENCH_LOAD_SECONDS (the load test) and BENCH_SIZES shorten it.
bench: wrk $(VENV)/.installed
	$(BIN)/python -m bench
