"""Real servers for the security tests: gunicorn with the production settings, and a
throwaway PostgreSQL server (scripts/database.py) the fault tests may stop and restart. Every wait is bounded;
every process started here is stopped by its context manager, also on failure."""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.servers import LoggedServer

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_HOST = "www.lerameau.fr"
SECRET_KEY = "k3y-" + "x9Qw!p7Lm#2Rz" * 5


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_environment(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "GUNICORN_", "PYTEST_"))}
    env.update(extra)
    return env


def production_environment(database_url: str, static_root: str, media_root: str, **extra: str) -> dict[str, str]:
    return clean_environment(
        DJANGO_SETTINGS_MODULE="rameau_site.settings.production",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS=f"{PRODUCTION_HOST},127.0.0.1",
        DATABASE_URL=database_url,
        STATIC_ROOT=static_root,
        MEDIA_ROOT=media_root,
        **extra,
    )


def collect_static(static_root: str) -> None:
    """The production storage serves hashed names from a manifest: build it once."""
    env = production_environment("postgres://nobody@127.0.0.1:1/none", static_root, tempfile.gettempdir())
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=180,
        capture_output=True,
    )


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float


def request(
    port: int, path: str, *, method: str = "GET", headers: dict[str, str] | None = None, timeout: float = 10
) -> Answer:
    """One plain HTTP request to 127.0.0.1, headers sent exactly as given."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, headers={"Host": PRODUCTION_HOST, **(headers or {})})
        response = connection.getresponse()
        body = response.read()
        return Answer(
            response.status, {k.lower(): v for k, v in response.getheaders()}, body, time.monotonic() - started
        )
    finally:
        connection.close()


Gunicorn = LoggedServer


@contextmanager
def gunicorn(env: dict[str, str], *, workers: int = 2, startup_timeout: float = 40) -> Iterator[Gunicorn]:
    """gunicorn as the Dockerfile runs it (rameau_site/gunicorn.conf.py), on a free port."""
    port = free_port()
    log_dir = Path(tempfile.mkdtemp(prefix="rameau-gunicorn-"))
    log_path = log_dir / "gunicorn.log"
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers), "PYTHONUNBUFFERED": "1"}
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                "rameau_site/gunicorn.conf.py",
                "rameau_site.wsgi:application",
            ],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Gunicorn(port, process, log_path)
    try:
        server.wait_until(
            lambda: request(port, "/-/liveness", timeout=2).status == 200, "gunicorn", startup_timeout, pause=0.2
        )
        yield server
    finally:
        server.stop()
        shutil.rmtree(log_dir, ignore_errors=True)
