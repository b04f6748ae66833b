# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup test-setup lint

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
		$(BIN)/python manage.py ensure_editor_account; \
	fi

run: setup
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test-setup: $(VENV)/.installed-dev

test: test-setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: test-setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
