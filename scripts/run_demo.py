"""`make run`: migrate, load the demo (the Site record set to the address served), reset the
demo admin and print its login, then serve the site. DATABASE_URL is set by the caller."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    host, port = (sys.argv[1:3] + ["127.0.0.1", "8000"][len(sys.argv[1:3]) :])[:2]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "rameau_site.settings.dev"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    steps = (
        ["migrate", "--noinput"],
        ["seed_demo", "--superuser", f"--address={host}:{port}"],
    )
    for step in steps:
        if subprocess.run([*manage, *step], env=env, cwd=ROOT).returncode != 0:
            return 1
    os.execve(sys.executable, [*manage, "runserver", f"{host}:{port}"], env)


if __name__ == "__main__":
    sys.exit(main())
