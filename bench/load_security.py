"""A bounded load on a running site (127.0.0.1 only): visitors reading the home page, the
listings with filters, the search, and downloading a publication, for a fixed time.

    python bench/load_security.py --port 8000 --seconds 20 --clients 4 [--document /documents/1/x.pdf]

Prints one JSON summary (requests, errors, requests per second, latency percentiles) and
exits 1 if any request failed (a status other than 200, or no answer). Each request has a
10 s time limit; the run stops after --seconds whatever happens. A first unhurried pass
(not counted) lets the site make its image renditions, which happens once per image.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import statistics
import sys
import threading
import time

PATHS = [
    "/",
    "/publications/",
    "/publications/?type=note&annee=2016",
    "/publications/?theme=interet-general&page=2",
    "/actualites/",
    "/centres-de-ressources/",
    "/centres-de-ressources/?public=entreprises",
    "/webinaires/",
    "/recherche/?q=alliance",
    "/recherche/?q=territoires+et+entreprises",
]


def warm_up(port: int, paths: list[str], host: str) -> None:
    """One unhurried pass first: image renditions are made on a page's first view, once."""
    for path in paths:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            connection.request("GET", path, headers={"Host": host})
            connection.getresponse().read()
        finally:
            connection.close()


def run(port: int, seconds: float, clients: int, paths: list[str], host: str) -> dict:
    deadline = time.monotonic() + seconds
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def visitor(offset: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for path in itertools.islice(itertools.cycle(paths), offset, None):
            if time.monotonic() >= deadline:
                break
            started = time.monotonic()
            try:
                connection.request("GET", path, headers={"Host": host, "Accept-Encoding": "gzip"})
                response = connection.getresponse()
                response.read()
                failure = None if response.status == 200 else f"{response.status} {path}"
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException) as error:
                failure = f"{type(error).__name__} {path}"
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            with lock:
                latencies.append(time.monotonic() - started)
                if failure:
                    errors.append(failure)
        connection.close()

    threads = [threading.Thread(target=visitor, args=(index,)) for index in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 15)
    elapsed = time.monotonic() - started
    ordered = sorted(latencies) or [0.0]

    def percentile(share: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000, 1)

    return {
        "requests": len(latencies),
        "errors": len(errors),
        "error_samples": errors[:10],
        "seconds": round(elapsed, 1),
        "clients": clients,
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "latency_ms": {
            "p50": percentile(0.5),
            "p95": percentile(0.95),
            "max": percentile(1.0),
            "mean": round(statistics.fmean(ordered) * 1000, 1),
        },
        "paths": paths,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1", help="the Host header sent")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--document", action="append", default=[], help="a document URL to download too")
    parser.add_argument("--no-warm-up", action="store_true", help="skip the first unhurried pass")
    options = parser.parse_args(argv)
    if not options.no_warm_up:
        warm_up(options.port, PATHS + options.document, options.host)
    summary = run(
        options.port, min(options.seconds, 300), min(options.clients, 32), PATHS + options.document, options.host
    )
    print(json.dumps(summary, ensure_ascii=False))
    return 1 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
