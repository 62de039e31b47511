"""Load under gunicorn with the production settings: throughput and latency with wrk, the
static-file ceiling, and the weight of the home page as a browser downloads it."""

from __future__ import annotations

import gzip
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parent.parent
ACCEPT = "gzip, br"  # what browsers send; WhiteNoise and the page cache both answer compressed


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(env: dict, log: Path, threads: int):
    """gunicorn with rameau_site/gunicorn.conf.py (2 workers), on 127.0.0.1 only; yields
    (base URL, the master's process)."""
    port = free_port()
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2", "GUNICORN_THREADS": str(threads)}
    command = [str(ROOT / ".venv/bin/gunicorn"), "--config", "rameau_site/gunicorn.conf.py", "bench.wsgi:application"]
    with open(log, "ab") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/-/liveness", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError(f"gunicorn did not start, see {log}")
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=30)


def fetch(url: str, accept_encoding: str = ACCEPT) -> tuple[bytes, dict]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept_encoding})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read(), dict(response.headers)


def _duration_ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url: str, seconds: int, connections: int = 16) -> dict:
    """Requests per second and p50 / p99 latency over `seconds` (wrk --latency)."""
    for _ in range(4):  # fill the page cache of both workers first
        fetch(url)
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-H", f"Accept-Encoding: {ACCEPT}", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"\b(50|99)%\s+([\d.]+(?:us|ms|s|m))\b", output))
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if rps is None or set(latency) != {"50", "99"}:
        raise RuntimeError(f"unexpected wrk output for {url}:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    timeouts = re.search(r"timeout (\d+)", output)
    return {
        "rps": round(float(rps.group(1))),
        "p50_ms": round(_duration_ms(latency["50"]), 2),
        "p99_ms": round(_duration_ms(latency["99"]), 2),
        "errors": (int(errors.group(1)) if errors else 0) + (int(timeouts.group(1)) if timeouts else 0),
    }


def compared(page: str, static: str, slices: int, seconds: int) -> dict:
    """The page and the static file in turn, `slices` times `seconds` each: both rates over
    the same stretch of time, on a machine whose load drifts from one minute to the next."""
    pages, statics = [], []
    for _ in range(slices):
        statics.append(wrk(static, seconds))
        pages.append(wrk(page, seconds))
    rps = sum(run["rps"] for run in pages) / slices
    static_rps = sum(run["rps"] for run in statics) / slices
    return {
        "rps": round(rps),
        "p50_ms": sorted(run["p50_ms"] for run in pages)[slices // 2],
        "p99_ms": max(run["p99_ms"] for run in pages),
        "errors": sum(run["errors"] for run in pages),
        "static_rps": round(static_rps),
        "ratio": round(rps / static_rps, 2),
    }


def home_weight(base: str) -> dict:
    """Bytes transferred for the home page, compressed, by kind; images left out."""
    html, _headers = fetch(f"{base}/")
    markup = gzip.decompress(html).decode() if html[:2] == b"\x1f\x8b" else html.decode()
    styles = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', markup)
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', markup)
    fonts = re.findall(r'<link[^>]+rel="preload"[^>]+as="font"[^>]+href="([^"]+)"', markup)
    weight = {"html": len(html), "css": 0, "js": 0, "fonts": 0}
    for kind, urls in (("css", styles), ("js", scripts), ("fonts", fonts)):
        for url in urls:
            body, _ = fetch(base + url)
            weight[kind] += len(body)
            if kind == "css":  # fonts a stylesheet loads count too
                text = gzip.decompress(body).decode() if body[:2] == b"\x1f\x8b" else body.decode()
                for font in re.findall(r"url\(['\"]?([^'\")]+\.(?:woff2?|ttf|otf))", text):
                    # Resolved as a browser does (« ../fonts/… » from /static/css/).
                    weight["fonts"] += len(fetch(base + urljoin(url, font))[0])
    weight["total"] = sum(weight.values())
    weight["blocking_scripts"] = len(
        re.findall(r"<script(?![^>]*\b(?:defer|async)\b)(?![^>]*type=\"application/ld\+json\")[^>]*>", markup)
    )
    return weight


def static_url(base: str) -> str:
    """The stylesheet, under its hashed name: what every page loads, through WhiteNoise."""
    html, _ = fetch(f"{base}/", accept_encoding="identity")
    return re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', html.decode()).group(1)


def worker_rss_mb(master: int) -> list[float]:
    """Resident memory (MB) of each worker of a gunicorn master, from /proc."""
    sizes = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(master):
            sizes.append(round(int(fields["VmRSS"].split()[0]) / 1024, 1))
    return sorted(sizes)


def crawl(base: str, sitemap: str, clients: int = 4) -> dict:
    """Every address of one sitemap file, once, as crawlers and visitors spread over the site
    do: fills each worker's caches up to their bounds before their memory is read."""
    from concurrent.futures import ThreadPoolExecutor

    body, _ = fetch(base + sitemap, accept_encoding="identity")
    paths = [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", body.decode())]
    started = time.monotonic()

    def get(path: str) -> int:
        try:
            with urllib.request.urlopen(base + path, timeout=30) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    with ThreadPoolExecutor(clients) as pool:
        statuses = list(pool.map(get, paths))
    return {
        "pages": len(paths),
        "errors": sum(1 for status in statuses if status >= 500),
        "seconds": round(time.monotonic() - started, 1),
    }


def through_proxy(base: str, static: str, pages: dict[str, str], slices: int, seconds: int) -> dict:
    """The same pages through Debian's Varnish with deploy/varnish/default.vcl in front of
    this gunicorn, the app's own cached answer and the static file in turn: requests per
    second of each, and the proxy's rate against the two others."""
    import sys

    sys.path.insert(0, str(ROOT))
    from tests.servers import varnish_server

    port = int(base.rsplit(":", 1)[1])
    rows = {}
    with varnish_server([port]) as proxy:
        proxied = f"http://127.0.0.1:{proxy.port}"
        for name, url in pages.items():
            runs: dict[str, list[dict]] = {"proxy": [], "app": [], "static": []}
            for _ in range(slices):
                runs["static"].append(wrk(base + static, seconds))
                runs["app"].append(wrk(base + url, seconds))
                runs["proxy"].append(wrk(proxied + url, seconds))
            _body, headers = fetch(proxied + url)
            rps = {kind: round(sum(run["rps"] for run in values) / slices) for kind, values in runs.items()}
            rows[name] = {
                "url": url,
                "proxy_rps": rps["proxy"],
                "proxy_p99_ms": max(run["p99_ms"] for run in runs["proxy"]),
                "proxy_errors": sum(run["errors"] for run in runs["proxy"]),
                "app_rps": rps["app"],
                "static_rps": rps["static"],
                "proxy_vs_app": round(rps["proxy"] / rps["app"], 1),
                "proxy_vs_static": round(rps["proxy"] / rps["static"], 1),
                "hit": headers.get("X-Cache") == "hit",
            }
            print(f"  {name:28} {rows[name]}", flush=True)
    return rows
