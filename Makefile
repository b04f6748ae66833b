# The two commands a new user needs: `make run` and `make test`; `make bench` measures speed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup test-setup lint messages bench wrk

# The compiled translations: built from the committed catalogues, never committed themselves.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

# The local server runs in debug mode; a deployment leaves DJANGO_DEBUG unset (off).
setup run: export DJANGO_DEBUG ?= 1

# The suite and the bench start many Python processes (workers, app servers, commands): each
# reads compiled modules from .venv/pycache instead of compiling Django and the project again,
# even where the environment turns the writing of bytecode off.
test bench: export PYTHONDONTWRITEBYTECODE :=
test bench: export PYTHONPYCACHEPREFIX := $(abspath $(VENV))/pycache

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(wildcard package-lock.json) | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	if [ -f package-lock.json ]; then npm ci --ignore-scripts --silent --no-audit --no-fund; fi
	touch $@

setup: $(VENV)/.installed
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_initial_data
	@if [ -n "$$DJANGO_SUPERUSER_USERNAME" ]; then \
		$(BIN)/python manage.py ensure_administrator; \
	fi

locale/%.mo: locale/%.po | $(VENV)/.installed
	@command -v msgfmt >/dev/null || { echo "msgfmt was not found: the Spanish interface is compiled with GNU gettext (on Debian: apt-get install gettext)." >&2; exit 1; }
	$(BIN)/django-admin compilemessages --ignore=.venv --ignore=node_modules

run: setup $(MO_FILES)
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test-setup: $(VENV)/.installed-dev

test: test-setup $(MO_FILES)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# After marking new strings: brings locale/es/LC_MESSAGES/django.po up to date with the code,
# new strings untranslated, for a translator to fill in.
messages: test-setup
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemessages -l es

lint: test-setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# wrk is a system package: say how to get it rather than install anything.
wrk:
	@command -v wrk >/dev/null || { echo "make bench needs wrk: apt-get install wrk (Debian, Ubuntu)." >&2; exit 1; }

# BENCH_SECONDS (each run), BENCH_LOAD_SECONDS (the load test) and BENCH_SIZES shorten it.
bench: wrk $(VENV)/.installed $(MO_FILES)
	$(BIN)/python -m bench
