# One entry point for people and CI. Every target reuses the virtual environment that
# `make install` builds from the locked requirements.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test check lock clean bench audit backup restore otp

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

## The dependency audit, the demo path on SQLite, then the whole suite (browser tests
## included) on a throwaway PostgreSQL 15 cluster, unless DATABASE_URL points at one.
## pytest runs last so that its summary line closes the output.
test: install
	scripts/ensure-system-packages
	$(PY) scripts/audit_dependencies.py
	$(PY) scripts/smoke_demo.py
	scripts/with-postgres $(PY) -m pytest

## Known vulnerabilities in the locked set (pip-audit; needs PyPI). Part of `make test`.
audit: install
	$(PY) scripts/audit_dependencies.py

## Back up DATABASE_URL (pg_dump -Fc) and MEDIA_ROOT (tar) into $(BACKUP_DIR)/rameau-<date>/.
BACKUP_DIR ?= backups
backup:
	scripts/backup $(BACKUP_DIR)

## Restore such a folder into DATABASE_URL and MEDIA_ROOT: make restore BACKUP=backups/rameau-...
restore:
	scripts/restore $(BACKUP)

## The demo admin's current two-factor code (make run prints its key for an authenticator app).
otp: install
	DJANGO_SETTINGS_MODULE=rameau_site.settings.dev $(PY) manage.py demo_otp_code admin

## The performance benchmark (issue #7, a few minutes): the demo scaled up to 2,000
## publications on a throwaway PostgreSQL, queries and server time per page, then gunicorn
## under wrk, the home page's weight and Lighthouse. Table on stdout, bench/results.json.
bench: install
	scripts/ensure-system-packages bench
	scripts/with-postgres $(PY) bench/run.py

check: install
	$(PY) manage.py check

## Regenerate the locks after editing pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements.lock
	uv pip compile pyproject.toml --extra dev -c requirements.lock --python-version 3.11 --generate-hashes -o requirements-dev.lock

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache
