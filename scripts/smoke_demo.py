"""The `make run` path on SQLite, end to end: migrate, seed twice, every live page answers 200.

Runs in a throwaway folder so it never touches the developer's db.sqlite3.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="rameau-smoke-") as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "rameau_site.settings.dev",
            "DATABASE_URL": f"sqlite:///{folder}/demo.sqlite3",
            "MEDIA_ROOT": f"{folder}/media",
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        for args in (["migrate", "--noinput", "-v0"], ["seed_demo", "-v0"], ["seed_demo", "-v0"]):
            subprocess.run([*manage, *args], env=env, check=True, cwd=ROOT)
        check = subprocess.run(
            [*manage, "shell", "--no-imports", "-c", PAGE_CHECK], env=env, cwd=ROOT, capture_output=True, text=True
        )
        print(check.stdout, end="")
        if check.returncode != 0:
            print(check.stderr, file=sys.stderr)
        return check.returncode


PAGE_CHECK = """
import sys
from django.test import Client
from wagtail.models import Page
client = Client(SERVER_NAME="127.0.0.1")
failures = 0
pages = Page.objects.live().public().filter(depth__gt=1)
for page in pages:
    url = page.get_url()
    status = client.get(url).status_code
    failures += status != 200
    print(f"  {status} {url}")
status_404 = client.get("/introuvable/").status_code
failures += status_404 != 404
print(f"  {status_404} /introuvable/ (attendu 404)")
# Site search on SQLite (FTS5: no French stemming, but prefixes and case still match).
for url, expected in (("/recherche/?q=partenariat", "résultats pour"), ("/sitemap.xml", "<urlset"), ("/robots.txt", "Sitemap:")):
    response = client.get(url)
    ok = response.status_code == 200 and expected in response.content.decode()
    failures += not ok
    print(f"  {response.status_code} {url} ({'ok' if ok else 'attendu : ' + expected})")
print(f"smoke: {pages.count() + 4 - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
"""

if __name__ == "__main__":
    sys.exit(main())
