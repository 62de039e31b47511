"""`make image-check`: the production image built, migrated, run and checked on this machine.

From nothing, and stopping everything it started (also on failure):
1. Docker: Debian's docker.io if missing, and `dockerd` started if none answers;
2. the image, on python:3.11-slim-bookworm when the registry answers, else on the stand-in
   of scripts/local-base-image (timed);
3. `migrate` run in the image against a throwaway PostgreSQL 18 of this machine (the
   embedded server of scripts/database.py; its socket is shared with the container), then
   the demo content loaded from the host's checkout (the image holds no demo app);
4. gunicorn started from the image on 127.0.0.1 (host network: no traffic leaves loopback),
   the media volume a folder of this machine;
5. checks: /-/readiness, every page of the sitemap and the site's other addresses, a static
   file and its one-year cache header, an image uploaded into the media volume and served,
   `check --deploy`, the user id, the installed set as locked and audited for known
   vulnerabilities (scripts/audit_dependencies.py, from this machine: the container needs no
   network), no pip or setuptools (no Python distribution at all) outside /venv, pg_dump 18,
   a backup written from the container and restored by it into a second database (row counts,
   revisions and files compared), the health check Docker reports;
6. compose.yaml brought up whole and checked through its proxy (scripts/compose_check.py;
   `--no-compose` skips it);
7. stops the containers, PostgreSQL and (if it started it) dockerd.
Prints one line per check, then the image's size and build time.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.database import EmbeddedPostgres  # noqa: E402
from tests.servers import free_port  # noqa: E402

IMAGE = "rameau-site:check"
OFFICIAL_BASE = "python:3.11-slim-bookworm"
HOST = "www.lerameau.fr"
SECRET_KEY = "image-check-" + "k8Lp!2vQz#9Wm" * 4
UID = 10001
# Pages that the sitemap does not list (files, routes, forms), checked as well.
EXTRA_PATHS = [
    "/robots.txt",
    "/sitemap.xml",
    "/publications/flux.xml",
    "/recherche/?q=partenariat",
    "/publications/?type=livre",
    "/newsletters/inscription/",
]
failures: list[str] = []
times: dict[str, float] = {}  # seconds spent per phase, printed at the end
installed: dict[str, str] = {}  # what /venv holds, name: version


@contextmanager
def timed(phase: str):
    started = time.monotonic()
    try:
        yield
    finally:
        times[phase] = times.get(phase, 0) + time.monotonic() - started


def say(ok: bool, what: str) -> None:
    print(f"{'ok  ' if ok else 'FAIL'} {what}", flush=True)
    if not ok:
        failures.append(what)


def run(*command: str, check: bool = True, timeout: float = 900, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=check, timeout=timeout, text=True, capture_output=True, **kwargs)


@contextmanager
def docker_daemon():
    """An answering dockerd: the running one, or one started here and stopped afterwards."""
    if shutil.which("dockerd") is None:
        run("apt-get", "update", "-qq")
        run("apt-get", "install", "-y", "-qq", "docker.io", env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if run("docker", "info", check=False, timeout=30).returncode == 0:
        yield
        return
    log = open(tempfile.gettempdir() + "/rameau-dockerd.log", "wb")  # noqa: SIM115
    daemon = subprocess.Popen(["dockerd"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while run("docker", "info", check=False, timeout=30).returncode != 0:
            if daemon.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"dockerd did not start (see {log.name})")
            time.sleep(1)
        print("dockerd started for this check", flush=True)
        yield
    finally:
        if daemon.poll() is None:
            os.killpg(daemon.pid, signal.SIGTERM)
            daemon.wait(timeout=60)
        log.close()


def base_image() -> str:
    """The official base when it can be had, else the Debian stand-in."""
    if run("docker", "image", "inspect", OFFICIAL_BASE, check=False).returncode == 0:
        return OFFICIAL_BASE
    if run("docker", "pull", OFFICIAL_BASE, check=False, timeout=120).returncode == 0:
        return OFFICIAL_BASE
    print(f"{OFFICIAL_BASE} cannot be pulled here: building on the stand-in of scripts/local-base-image", flush=True)
    return run(str(ROOT / "scripts" / "local-base-image"), timeout=1200).stdout.strip().splitlines()[-1]


def get(port: int, path: str, host: str = HOST) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": host, "X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def docker_env(database_url: str, port: int) -> list[str]:
    env = {
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "FORWARDED_ALLOW_IPS": "127.0.0.1",
        "TRUSTED_PROXY_COUNT": "1",
    }
    return [item for name, value in env.items() for item in ("-e", f"{name}={value}")]


def locked_version(package: str) -> str:
    text = (ROOT / "requirements-venv.lock").read_text()
    return re.search(rf"^{package}==(\S+)", text, re.M).group(1)


# Run by the image's /venv python as root: wheels and packages of pip, setuptools or wheel
# anywhere outside /venv, then every distribution the base's own interpreter can see.
OUTSIDE_VENV = """
import os, subprocess
found = []
for top, dirs, files in os.walk("/"):
    dirs[:] = [d for d in dirs if os.path.join(top, d) not in ("/proc", "/sys", "/dev", "/venv")]
    for name in files:
        if name.endswith(".whl") or (name == "__init__.py" and os.path.basename(top) in ("pip", "setuptools", "wheel", "pkg_resources")):
            found.append(os.path.join(top, name))
base = os.path.realpath("/venv/bin/python")
seen = subprocess.run([base, "-I", "-c", "import importlib.metadata as m, importlib.util as u; "
    "print(sorted({d.metadata['Name'] + '==' + d.version for d in m.distributions()}), "
    "[n for n in ('pip', 'setuptools', 'wheel', 'pkg_resources') if u.find_spec(n)])"],
    capture_output=True, text=True, check=True).stdout.strip()
print(base, seen, found)
"""

# Row counts of every table and a digest of every page revision: the same before a backup and
# after its restore.
SNAPSHOT = """
import hashlib, json
from django.apps import apps
from wagtail.models import Page, Revision
counts = {m._meta.label: m._base_manager.count() for m in apps.get_models() if m._meta.managed and not m._meta.proxy}
digest = hashlib.sha256()
for row in Revision.objects.order_by("pk").values_list("pk", "object_id", "content"):
    digest.update(json.dumps(row, sort_keys=True, default=str).encode())
for row in Page.objects.order_by("path").values_list("path", "url_path", "title", "live", "live_revision_id"):
    digest.update(json.dumps(row, default=str).encode())
print(json.dumps({"counts": counts, "pages": digest.hexdigest()}))
"""


UPLOAD = """
import io
from PIL import Image as Pillow
from django.core.files.images import ImageFile
from wagtail.images.models import Image
buffer = io.BytesIO()
Pillow.new("RGB", (640, 480), (40, 110, 90)).save(buffer, "PNG")
image = Image(title="Envoi du contrôle de l'image", file=ImageFile(buffer, name="controle-image.png"))
image.save()
print(image.get_rendition("width-320").url)
"""


def snapshot_of(output: str) -> dict:
    """SNAPSHOT's line among whatever else the production logging writes to stdout."""
    return json.loads(next(line for line in reversed(output.splitlines()) if line.startswith('{"counts"')))


def installed_set(image_run: list[str], work: Path) -> None:
    """What /venv holds: exactly the lock, audited, and nothing of Python's outside /venv."""
    frozen = run(*image_run, "python", "-m", "pip", "list", "--format=freeze", "--disable-pip-version-check").stdout
    freeze = work / "installed.txt"
    freeze.write_text(frozen)
    from scripts.audit_dependencies import audit, locked_packages

    installed.update(locked_packages((freeze,)))
    locked = locked_packages((ROOT / "requirements.lock", ROOT / "requirements-venv.lock"))
    differ = sorted(f"{name} {installed.get(name)} (lock {locked.get(name)})"
                    for name in installed.keys() | locked.keys() if installed.get(name) != locked.get(name))  # fmt: skip
    say(
        not differ and installed.get("pip") == locked_version("pip") and installed.get("setuptools") == locked_version("setuptools"),
        f"/venv holds the locked set, {len(installed)} packages, pip {installed.get('pip')} and setuptools "
        f"{installed.get('setuptools')} as in requirements-venv.lock {differ[:5]}",
    )  # fmt: skip
    print("audit of the installed set (pip list --format=freeze in the image), from this machine:", flush=True)
    say(
        audit((freeze,), hashed=False) == 0,
        "no known vulnerability in what /venv holds (scripts/audit_dependencies.py)",
    )
    outside = run(*image_run[:2], "--user", "0", *image_run[2:], "python", "-c", OUTSIDE_VENV, check=False)
    say(
        outside.returncode == 0 and outside.stdout.strip().endswith("[] [] []"),
        "outside /venv no pip, setuptools or wheel, as package or wheel, and no distribution the base's "
        f"interpreter sees: {outside.stdout.strip() or outside.stderr[-1500:]}",
    )


def check_restore(database: EmbeddedPostgres, mounts: list[str], port: int, folder: Path, original: dict,
                  original_media: Path) -> None:  # fmt: skip
    """The backup restored by the image's scripts/restore into a second database and media folder."""
    database.create_database("rameau_restored")
    url = database.url("rameau_restored")
    media = original_media.parent / "restored-media"
    media.mkdir()
    os.chown(media, UID, UID)
    mounts = [*mounts[:2], "-v", f"{media}:/data/media", *mounts[4:]]
    again = ["docker", "run", "--rm", "--network", "host", *mounts, *docker_env(url, port), IMAGE]
    restored = run(*again, "scripts/restore", f"/backups/{folder.name}", check=False, timeout=300)
    say(
        restored.returncode == 0,
        f"scripts/restore /backups/{folder.name} in the image, into a second database: "
        + (restored.stdout.strip().splitlines()[-1] if restored.returncode == 0 else restored.stderr[-2000:]),
    )
    result = run(*again, "python", "manage.py", "shell", "-c", SNAPSHOT, check=False)
    copy = snapshot_of(result.stdout) if result.returncode == 0 else {"counts": {}}
    # scripts/restore ends with check_media, which bumps the content version (pages read the
    # files again): one more row in the log of changes, whose count alone may grow.
    grown = {"core.ContentChange"}
    differ = sorted(label for label in original["counts"].keys() | copy["counts"].keys()
                    if original["counts"].get(label) != copy["counts"].get(label)
                    and not (label in grown and copy["counts"].get(label, 0) > original["counts"][label]))  # fmt: skip
    counts = original["counts"]
    say(
        not differ and copy.get("pages") == original["pages"],
        f"restored: the same rows in all {len(counts)} tables ({counts.get('wagtailcore.Page')} pages, "
        f"{counts.get('wagtailcore.Revision')} revisions, {counts.get('wagtailimages.Image')} images, "
        f"{counts.get('wagtaildocs.Document')} documents), the same page revisions: "
        + ("identical" if copy.get("pages") == original["pages"] else "DIFFERENT") + (f"; differ {differ[:8]}" if differ else "")
        + ("" if result.returncode == 0 else result.stderr[-1500:]),
    )  # fmt: skip
    files = {
        path.relative_to(original_media): path.read_bytes() for path in original_media.rglob("*") if path.is_file()
    }
    back = {path.relative_to(media): path.read_bytes() for path in media.rglob("*") if path.is_file()}
    say(
        bool(files) and back == files,
        f"restored: the {len(files)} media files, byte for byte ({len(back)} in the second media folder)",
    )


def check_image(database: EmbeddedPostgres, media: Path, backups: Path) -> None:
    url = database.url()
    socket_dir = database.socket_dir
    port = free_port()
    mounts = ["-v", f"{socket_dir}:{socket_dir}", "-v", f"{media}:/data/media", "-v", f"{backups}:/backups"]
    base = ["docker", "run", "--rm", "--network", "host", *mounts, *docker_env(url, port), IMAGE]

    with timed("migrate"):
        migrated = run(*base, "python", "manage.py", "migrate", "--noinput", check=False)
    say(
        migrated.returncode == 0,
        "migrate runs in the image" + ("" if migrated.returncode == 0 else migrated.stderr[-2000:]),
    )
    with timed("seed_demo (host)"):
        seeded = run(
            sys.executable, "manage.py", "seed_demo", check=False,
            cwd=ROOT, env={**os.environ, "DJANGO_SETTINGS_MODULE": "rameau_site.settings.dev", "DATABASE_URL": url, "MEDIA_ROOT": str(media)},
        )  # fmt: skip
    say(
        seeded.returncode == 0,
        "demo content loaded from the checkout" + ("" if seeded.returncode == 0 else seeded.stderr[-2000:]),
    )
    run("chown", "-R", f"{UID}:{UID}", str(media))

    name = f"rameau-image-check-{os.getpid()}"
    run("docker", "run", "-d", "--name", name, "--network", "host", *mounts, *docker_env(url, port), IMAGE)
    try:
        deadline = time.monotonic() + 60
        status = 0
        while time.monotonic() < deadline:
            try:
                status = get(port, "/-/readiness", host="10.0.0.1")[0]
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        say(status == 200, "/-/readiness answers 200 (whatever the Host header)")

        status, _headers, body = get(port, "/sitemap.xml")
        paths = sorted({urlsplit(loc).path for loc in re.findall(rb"<loc>([^<]+)</loc>", body and body or b"")
                        for loc in [loc.decode()]} | set(EXTRA_PATHS))  # fmt: skip
        bad = []
        for path in paths:
            status, headers, body = get(port, path)
            if status != 200:
                bad.append(f"{path} {status}")
        say(
            len(paths) > 40 and not bad,
            f"{len(paths)} pages (every page of the sitemap, feeds, search) answer 200 {bad[:5]}",
        )

        _status, _headers, home = get(port, "/")
        stylesheet = re.search(rb'href="(/static/css/site\.[0-9a-f]+\.css)"', home)
        status, headers, _body = get(port, stylesheet.group(1).decode()) if stylesheet else (0, {}, b"")
        # WhiteNoise gives hashed names ten years (315360000 s): at least a year is what we need.
        lifetime = re.search(r"max-age=(\d+)", headers.get("cache-control", ""))
        say(
            status == 200 and lifetime is not None and int(lifetime.group(1)) >= 31_536_000
            and "immutable" in headers.get("cache-control", ""),
            f"static file with a hashed name and at least a year's cache: {headers.get('cache-control')}",
        )  # fmt: skip
        say(
            get(port, "/")[1].get("cache-control") == "public, max-age=0, s-maxage=60",
            "pages say their public lifetime",
        )

        uploaded = run("docker", "exec", name, "python", "manage.py", "shell", "-c", UPLOAD, check=False)
        rendition = uploaded.stdout.strip().splitlines()[-1] if uploaded.returncode == 0 else ""
        status, headers, body = get(port, rendition) if rendition else (0, {}, b"")
        stored = list(media.glob("original_images/controle-image*.png"))
        owner = stored[0].stat().st_uid if stored else None
        say(
            status == 200 and body[:4] == b"\x89PNG" and owner == UID,
            f"image uploaded into the media volume (owner {owner}) and served at {rendition} ({status})",
        )

        deploy = run(
            "docker", "exec", name, "python", "manage.py", "check", "--deploy", "--fail-level", "WARNING", check=False
        )
        say(
            deploy.returncode == 0,
            "check --deploy --fail-level WARNING: " + (deploy.stdout.strip() or deploy.stderr[-1500:]),
        )
        uid = run("docker", "exec", name, "id", "-u").stdout.strip()
        say(uid == str(UID), f"runs as user {uid} (not root)")
        with timed("installed set and audit"):
            installed_set(["docker", "run", "--rm", "-e", "PIP_NO_CACHE_DIR=1", IMAGE], media.parent)
        pg_dump = run("docker", "exec", name, "pg_dump", "--version").stdout.strip()
        snapshot = run("docker", "exec", name, "python", "manage.py", "shell", "-c", SNAPSHOT)
        original = snapshot_of(snapshot.stdout)
        backup = run("docker", "exec", name, "scripts/backup", "/backups", check=False)
        folder = backups / Path(backup.stdout.strip().splitlines()[-1]).name if backup.returncode == 0 else None
        dump = folder / "database.dump" if folder else None
        say(
            pg_dump.endswith(tuple(f" 18.{n}" for n in range(20))) and dump is not None and dump.stat().st_size > 100_000
            and (folder / "media.tar.gz").exists(),
            f"{pg_dump}; scripts/backup in the container wrote {dump} ({dump.stat().st_size if dump else 0} bytes)",
        )  # fmt: skip
        if folder is not None:
            with timed("restore and comparison"):
                check_restore(database, mounts, port, folder, original, media)
        deadline = time.monotonic() + 120
        health = ""
        while time.monotonic() < deadline:
            inspected = json.loads(run("docker", "inspect", name).stdout)[0]
            health = inspected["State"].get("Health", {}).get("Status", "none")
            if health != "starting":
                break
            time.sleep(2)
        say(health == "healthy", f"Docker's HEALTHCHECK reports {health}")
    finally:
        logs = run("docker", "logs", "--tail", "40", name, check=False)
        if failures:
            print(logs.stdout[-4000:], logs.stderr[-4000:])
        run("docker", "rm", "-f", name, check=False)


def build_image(base: str) -> subprocess.CompletedProcess:
    """docker build, its steps timed: the slowest are printed (where a build's time goes)."""
    command = ["docker", "build", "--build-arg", f"BASE={base}", "-t", IMAGE, str(ROOT)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output, steps, step, since = [], {}, None, time.monotonic()
    for line in process.stdout:
        output.append(line)
        if line.startswith("Step "):
            now = time.monotonic()
            if step:
                steps[step] = now - since
            step, since = line.strip()[:110], now
    process.wait(timeout=1200)
    if step:
        steps[step] = time.monotonic() - since
    cached = sum(1 for line in output if "Using cache" in line)
    slowest = sorted(steps.items(), key=lambda item: -item[1])[:4]
    print(f"build: {len(steps)} steps, {cached} from Docker's layer cache; slowest:", flush=True)
    for text, seconds in slowest:
        print(f"  {seconds:5.0f} s  {text}", flush=True)
    return subprocess.CompletedProcess(command, process.returncode, "".join(output), "".join(output))


def main() -> int:
    started = time.monotonic()
    with ExitStack() as stack:
        stack.enter_context(docker_daemon())
        with timed("base image"):
            base = base_image()
        built_at = time.monotonic()
        with timed("docker build"):
            build = build_image(base)
        build_seconds = time.monotonic() - built_at
        say(
            build.returncode == 0,
            f"image built on {base} in {build_seconds:.0f} s" + ("" if build.returncode == 0 else build.stderr[-3000:]),
        )
        if build.returncode != 0:
            return 1
        size = int(run("docker", "image", "inspect", "--format", "{{.Size}}", IMAGE).stdout.strip())
        base_size = int(run("docker", "image", "inspect", "--format", "{{.Size}}", base).stdout.strip())
        work = Path(tempfile.mkdtemp(prefix="rameau-image-check-"))
        stack.callback(shutil.rmtree, work, ignore_errors=True)
        media, backups = work / "media", work / "backups"
        for folder in (media, backups):
            folder.mkdir()
            os.chown(folder, UID, UID)
        database = EmbeddedPostgres()
        stack.callback(database.close)
        database.create_database()
        os.chmod(database.socket_dir, 0o755)  # the container's user reaches the socket
        check_image(database, media, backups)
        if "--no-compose" not in sys.argv:
            from scripts.compose_check import check_compose

            with timed("compose.yaml"):
                check_compose(base)
    print(
        f"image {IMAGE}: {size / 1e6:.0f} MB ({base_size / 1e6:.0f} MB of it the base {base}); "
        f"built in {build_seconds:.0f} s; whole check {time.monotonic() - started:.0f} s; "
        f"pip {installed.get('pip')} and setuptools {installed.get('setuptools')} in /venv"
    )
    print("time: " + ", ".join(f"{phase} {seconds:.0f} s" for phase, seconds in times.items()))
    print(f"{len(failures)} failed" if failures else "image check passed")
    return 1 if failures else 0


if __name__ == "__main__":
    from scripts import image_check  # run as that module, whose checks scripts/compose_check.py shares

    sys.exit(image_check.main())
