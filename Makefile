# One entry point for people and CI. Every target reuses the virtual environment that
# `make install` builds from the locked requirements; after it, nothing needs the network
# but `make audit` and `make lock`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# PostgreSQL: DATABASE_URL when set, else the embedded server of scripts/database.py.
WITH_DB := $(PY) scripts/database.py
DEMO_DB := .pgdata
# pytest workers: one per core (xdist); TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= auto

.PHONY: install run test test-latest lint audit check lock clean bench bench-after-publication backup restore otp image-check guide-pictures

## The virtual environment (pip and setuptools upgraded, then the locked set) and
## Debian's Chromium for the browser tests.
install: $(STAMP)
	scripts/ensure-system-packages

$(STAMP): requirements-venv.lock requirements.lock requirements-dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements-venv.lock
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $(STAMP)

## The demo on the embedded PostgreSQL (data kept in .pgdata/ between runs; DATABASE_URL
## overrides it): migrate, demo content, an admin login printed, then the site on HOST:PORT.
run: $(STAMP)
	$(WITH_DB) --keep $(DEMO_DB) -- $(PY) scripts/run_demo.py $(HOST) $(PORT)

## Lint, then the whole suite (browser tests included) on a throwaway PostgreSQL.
## pytest runs last so that its summary line closes the output.
test: install lint
	$(WITH_DB) -- $(PY) -m pytest -n $(TEST_WORKERS) --dist loadscope --durations=25

## The pictures of the staff guide (rameau_site/guide/static/guide/), taken again by the
## browser journeys that go through their screens: after a change of the admin, commit them.
guide-pictures: install
	GUIDE_PICTURES=$(CURDIR)/rameau_site/guide/static/guide $(WITH_DB) -- $(PY) -m pytest -n 0 -m guide_pictures tests/browser

## The whole suite on the newest Wagtail 8.x and what it needs, in a second environment
## (.venv-latest; needs PyPI): the upgrade check. Not part of `make test`.
LATEST := .venv-latest
test-latest: install
	test -x $(LATEST)/bin/python || $(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --require-hashes -r requirements-venv.lock
	$(LATEST)/bin/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(LATEST)/bin/python -m pip install --quiet --upgrade "wagtail>=8,<9"
	$(LATEST)/bin/python -m pip check
	$(LATEST)/bin/python -c "import wagtail, django; print('Wagtail', wagtail.__version__, '- Django', django.__version__)"
	$(LATEST)/bin/python scripts/database.py -- $(LATEST)/bin/python -m pytest -n $(TEST_WORKERS) --dist loadscope

## Python (ruff: lint and format), templates (djlint, djhtml), import layers
## (import-linter), migrations in step with the models, nothing dead, no app too big, and
## compose.yaml valid with .env.example (the compose plugin, else Debian's docker-compose).
COMPOSE = $(shell docker compose version >/dev/null 2>&1 && echo "docker compose" || echo docker-compose)
lint: $(STAMP)
	scripts/ensure-system-packages lint
	$(COMPOSE) --env-file .env.example -f compose.yaml config --quiet
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates rameau_site --lint
	$(BIN)/djhtml --check $$(find templates rameau_site -name '*.html')
	$(BIN)/lint-imports --no-cache
	DATABASE_URL=sqlite:// $(PY) manage.py makemigrations --check --dry-run
	$(PY) scripts/check_dead.py
	$(PY) scripts/check_sizes.py

## Known vulnerabilities in the locked set and in the venv's own pip and setuptools
## (needs PyPI). Fails only on a known vulnerability; CI runs it after `make test`.
audit: $(STAMP)
	$(PY) scripts/audit_dependencies.py

## Back up DATABASE_URL (pg_dump -Fc) and MEDIA_ROOT (tar) into $(BACKUP_DIR)/rameau-<date>/.
BACKUP_DIR ?= backups
backup:
	PG_BIN="$${PG_BIN:-$$($(PY) scripts/database.py --bin-dir)}" scripts/backup $(BACKUP_DIR)

## Restore such a folder into DATABASE_URL and MEDIA_ROOT: make restore BACKUP=backups/rameau-...
## Ends with manage.py check_media: fails, listing them, if files are missing.
restore:
	PG_BIN="$${PG_BIN:-$$($(PY) scripts/database.py --bin-dir)}" PYTHON=$(PY) scripts/restore $(BACKUP)

## The demo admin's current two-factor code (make run prints its key for an authenticator app).
otp: $(STAMP)
	$(WITH_DB) --keep $(DEMO_DB) -- $(PY) manage.py demo_otp_code admin

## The performance benchmark (a few minutes): the demo scaled up on a throwaway PostgreSQL,
## queries and server time per page, then gunicorn under wrk, the home page's weight and
## Lighthouse. Table on stdout, bench/results.json.
bench: install
	scripts/ensure-system-packages bench
	$(WITH_DB) -- $(PY) bench/run.py

## Only the bench's « première requête après publication » column, at SIZE publications, on a
## site built once and kept in .bench/SIZE/ (PAGES: some of the bench's page names; all by default).
SIZE ?= 2000
bench-after-publication: install
	$(WITH_DB) --keep .bench/$(SIZE)/pgdata -- $(PY) bench/after_publication.py $(SIZE) $(PAGES)

## The production image, built and checked from nothing (Docker started and stopped if needed,
## a stand-in base from Debian packages where the registry cannot be reached): migrate, pages,
## static and media files, check --deploy, user, the installed set audited (nothing of pip or
## setuptools outside /venv), a backup restored into a second database, the health check.
## About 10 minutes; not part of `make test`. See scripts/image_check.py.
image-check: $(STAMP)
	$(PY) scripts/image_check.py

check: $(STAMP)
	$(PY) manage.py check

## Regenerate the locks after editing pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements.lock
	uv pip compile pyproject.toml --extra dev -c requirements.lock --python-version 3.11 --generate-hashes -o requirements-dev.lock
	printf 'pip\nsetuptools\n' | uv pip compile - --python-version 3.11 --generate-hashes --no-header -o requirements-venv.lock

clean:
	rm -rf $(VENV) $(LATEST) $(DEMO_DB) db.sqlite3 media staticfiles .pytest_cache
