"""Production settings refuse to start without their environment, and pass the deploy check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": "k3y-" + "x9Qw!p7Lm#2Rz" * 5,
    "ALLOWED_HOSTS": "www.lerameau.fr",
    "DATABASE_URL": "postgres://rameau@127.0.0.1:1/rameau",
}


def run_manage(*args: str, extra_env: dict[str, str]) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    env.update(DJANGO_SETTINGS_MODULE="rameau_site.settings.production", **extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("blank", [None, "", "   "], ids=["unset", "empty", "spaces"])
@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_refuses_to_start_without_its_environment(missing, blank):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    if blank is not None:
        env[missing] = blank
    result = run_manage("check", extra_env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and missing in result.stderr


def test_production_passes_the_deploy_check():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", extra_env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("proxy", ["FORWARDED_ALLOW_IPS", "FRONTEND_CACHE_URL"])
def test_production_refuses_a_proxy_without_trusted_proxy_count(proxy):
    """Behind a proxy, TRUSTED_PROXY_COUNT=0 would make every visitor one address for the login
    lockout and the form limits: one person could lock the whole site out."""
    value = {"FORWARDED_ALLOW_IPS": "*", "FRONTEND_CACHE_URL": "http://proxy"}[proxy]
    refused = run_manage("check", extra_env={**PRODUCTION_ENV, proxy: value, "TRUSTED_PROXY_COUNT": "0"})
    assert refused.returncode != 0
    assert "ImproperlyConfigured" in refused.stderr and "TRUSTED_PROXY_COUNT" in refused.stderr
    accepted = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        extra_env={**PRODUCTION_ENV, proxy: value, "TRUSTED_PROXY_COUNT": "1"},
    )
    assert accepted.returncode == 0, accepted.stderr


@pytest.mark.parametrize("command", ["seed_demo", "bench_data", "demo_otp_code"])
def test_demo_commands_do_not_exist_in_production(command):
    """Production does not install the demo app: its commands are unknown, not merely refused."""
    result = run_manage(command, extra_env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert f"Unknown command: '{command}'" in result.stderr


def test_production_does_not_install_the_demo():
    from rameau_site.settings import base, dev, test

    assert "demo" in dev.INSTALLED_APPS and "demo" in test.INSTALLED_APPS
    assert "demo" not in base.INSTALLED_APPS


def test_site_is_french():
    from django.conf import settings

    assert settings.LANGUAGE_CODE == "fr" and settings.TIME_ZONE == "Europe/Paris"
    assert settings.STORAGES["staticfiles"]["BACKEND"]  # test settings use plain storage
    from rameau_site.settings import base

    assert base.STORAGES["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_production_cookies_hsts_and_database_resilience():
    """What check --deploy does not look at in detail: cookies, HSTS, database resilience."""
    code = (
        "import json; from django.conf import settings as s; db = s.DATABASES['default']; print(json.dumps({"
        "'session': [s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.SESSION_COOKIE_AGE, s.SESSION_SAVE_EVERY_REQUEST],"
        "'csrf': [s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, s.CSRF_COOKIE_SAMESITE],"
        "'hsts': [s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS], 'redirect': s.SECURE_SSL_REDIRECT,"
        "'proxy_header': s.SECURE_PROXY_SSL_HEADER, 'db': [db['CONN_MAX_AGE'], db['CONN_HEALTH_CHECKS'], db['OPTIONS'].get('connect_timeout')],"
        "'axes': [s.AXES_FAILURE_LIMIT, s.AXES_CLIENT_IP_CALLABLE]}))"
    )
    result = run_manage("shell", "-c", code, extra_env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    import json

    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["session"] == [True, True, "Lax", 3600, True]
    assert values["csrf"] == [True, True, "Lax"]
    assert values["hsts"] == [31_536_000, True] and values["redirect"] is True
    assert values["proxy_header"] is None  # gunicorn's FORWARDED_ALLOW_IPS decides (tests/security/test_deployment.py)
    assert values["db"] == [60, True, 3]
    assert values["axes"] == [5, "rameau_site.security.client_ip.client_ip"]
