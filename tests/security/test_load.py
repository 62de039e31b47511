"""A bounded load on gunicorn with the production settings: home, filtered listings,
search and a publication download, several visitors at once, and not one error."""

from __future__ import annotations

import json
import subprocess
import sys

from wagtail.documents import get_document_model

from .servers import PRODUCTION_HOST, ROOT, gunicorn, production_environment, request

SECONDS = 15


def test_bounded_load_without_a_single_error(demo_database, production_static_root, settings):
    """On a copy of the seeded demo: the load's listings, filters and searches need its content."""
    document = get_document_model().objects.filter(file__endswith=".pdf").order_by("pk").first()
    env = production_environment(
        demo_database, production_static_root, str(settings.MEDIA_ROOT), SECURE_SSL_REDIRECT="false"
    )
    with gunicorn(env, workers=2) as server:
        assert request(server.port, document.url).status == 200
        result = subprocess.run(
            [
                sys.executable,
                "bench/load_security.py",
                "--port",
                str(server.port),
                "--host",
                PRODUCTION_HOST,
                "--seconds",
                str(SECONDS),
                "--clients",
                "4",
                "--document",
                document.url,
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=SECONDS + 60,
        )
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"\nload: {summary}")
    assert result.returncode == 0 and summary["errors"] == 0, summary["error_samples"]
    assert summary["requests"] >= 100
    assert document.url in summary["paths"]
