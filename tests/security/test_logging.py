"""Every 4xx and 5xx is one JSON line on stdout with its path; Sentry only when asked for."""

from __future__ import annotations

import io
import json
import logging
import logging.config
import os
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import path

from rameau_site.security.logs import production_logging

from .servers import ROOT, SECRET_KEY


def exploding_view(request, where: str):
    raise RuntimeError("panne simulée")


urlpatterns = [path("panne/<slug:where>/", exploding_view)]


@pytest.fixture
def production_logs(settings):
    """The production LOGGING, writing where we can read it (production: sys.stdout, which
    the gunicorn test in test_faults.py reads for real)."""
    config = production_logging("INFO")
    assert config["handlers"]["stdout"]["stream"] == "ext://sys.stdout"
    stream = io.StringIO()
    config["handlers"]["stdout"]["stream"] = stream
    logging.config.dictConfig(config)
    yield stream
    logging.config.dictConfig(settings.LOGGING)


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_a_500_is_one_json_line_with_its_path_on_stdout(production_logs):
    response = Client(raise_request_exception=False).get("/panne/ici/?x=1")
    assert response.status_code == 500
    out = production_logs.getvalue()
    lines = [json.loads(line) for line in out.splitlines() if line.strip()]
    errors = [line for line in lines if line["logger"] == "django.request"]
    assert len(errors) == 1, out
    error = errors[0]
    assert error["level"] == "ERROR" and error["status"] == 500 and error["path"] == "/panne/ici/"
    assert error["method"] == "GET" and "panne simulée" in error["exc"]
    assert all(line.count("\n") == 0 for line in out.splitlines())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"), [("/page-qui-n-existe-pas/", 404), ("/publications/?page=1&page=x&" + "q=" * 3000, 200)]
)
def test_a_4xx_is_one_json_line_with_its_path_and_a_200_none(production_logs, client, path, status):
    response = client.get(path)
    assert response.status_code == status
    lines = [json.loads(line) for line in production_logs.getvalue().splitlines() if line.strip()]
    logged = [line for line in lines if line["logger"] == "django.request"]
    if status < 400:
        assert logged == []
    else:
        assert len(logged) == 1 and logged[0]["level"] == "WARNING"
        assert logged[0]["status"] == status and logged[0]["path"] == path.split("?")[0]


def run_in_production(code: str, **extra: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.pop("SENTRY_DSN", None)
    env.update(
        DJANGO_SETTINGS_MODULE="rameau_site.settings.production",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="www.lerameau.fr",
        DATABASE_URL="postgres://nobody@127.0.0.1:1/none",
        **extra,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_sentry_is_neither_imported_nor_started_without_a_dsn():
    result = run_in_production(
        "import sys; from django.conf import settings; print(settings.SENTRY_ENABLED, 'sentry_sdk' in sys.modules)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == ["False", "False"]


def test_sentry_starts_with_a_dsn_and_sends_no_personal_data():
    result = run_in_production(
        "import sentry_sdk; c = sentry_sdk.get_client(); print(c.is_active(), c.options['send_default_pii'])",
        SENTRY_DSN="http://cle-publique@127.0.0.1:9/1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == ["True", "False"]
