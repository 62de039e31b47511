# One entry point for people and CI. Every target reuses the virtual environment that
# `make install` builds from the locked requirements.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test check lock clean

install: $(STAMP)

$(STAMP): requirements.lock requirements-dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $(STAMP)

## Demo site on SQLite (DATABASE_URL overrides it), with demo content and an admin login.
run: install
	DJANGO_SETTINGS_MODULE=rameau_site.settings.dev $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=rameau_site.settings.dev $(PY) manage.py seed_demo --superuser
	DJANGO_SETTINGS_MODULE=rameau_site.settings.dev $(PY) manage.py runserver $(HOST):$(PORT)

## The demo path on SQLite, then the whole suite (browser tests included) on a throwaway
## PostgreSQL 15 cluster, unless DATABASE_URL points at one.
test: install
	scripts/ensure-system-packages
	$(PY) scripts/smoke_demo.py
	scripts/with-postgres $(PY) -m pytest

check: install
	$(PY) manage.py check

## Regenerate the locks after editing pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements.lock
	uv pip compile pyproject.toml --extra dev -c requirements.lock --python-version 3.11 --generate-hashes -o requirements-dev.lock

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache
