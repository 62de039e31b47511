"""`make bench-after-publication SIZE=2000`: only the « première requête après publication »
column of `make bench`, at one size, on a site built once and kept.

The whole bench takes about 35 minutes, most of it building the three sites and loading
them through gunicorn; this measures the one column a change to the content version's
preparation (rameau_site/warming.py) or to the data caches moves, the same way bench/run.py
does (bench/inprocess.py: production settings, page cache off, an editor's process
publishing), in a few minutes:

- the first run builds the site in the kept database (migrate, seed_demo, bench_data up to
  SIZE publications), later runs only measure;
- per page: its warm median (BENCH_WARM_REPEATS requests after one warming request), then
  BENCH_COLD_REPEATS publications by the other process, each followed by the page's first
  request once this process serves the new version (median time), and one more for its
  SQL queries.

    make bench-after-publication SIZE=2000 PAGES="accueil 'une publication'"
    # that is: scripts/database.py --keep .bench/2000/pgdata -- .venv/bin/python bench/after_publication.py 2000 [page…]

Pages are named as in the bench's table (« accueil », « une publication »…); none: all of them.
BENCH_SQL=1 also prints the SQL of each page's counted first request.
Prints the table and writes `.bench/<SIZE>/after_publication.json` (the database, media and
static files are kept in `.bench/<SIZE>/`; remove the folder to build the site again).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import ROOT, TARGETS, Worker, environments, manage, median, ratio  # noqa: E402

WARM_REPEATS = int(os.environ.get("BENCH_WARM_REPEATS", "15"))
COLD_REPEATS = int(os.environ.get("BENCH_COLD_REPEATS", "3"))


def built(size: int) -> bool:
    """True when the database already holds the site at `size` publications."""
    import psycopg

    try:
        with psycopg.connect(os.environ["DATABASE_URL"]) as connection:
            count = connection.execute("SELECT count(*) FROM publications_publicationpage").fetchone()[0]
    except psycopg.Error:
        return False
    return count >= size


def prepare(seeding: dict, size: int) -> None:
    """The site at `size` publications, built once in the kept database."""
    if built(size):
        return
    manage(seeding, "migrate", "--noinput", "-v0")
    manage(seeding, "seed_demo", "-v0")
    manage(seeding, "bench_data", "--publications", "20", "--webinar-years", "0", "--news", "0")
    if size > 20:
        print(f"bench_data --publications {size} : {manage(seeding, 'bench_data', '--publications', str(size))} s")


def measure(worker: Worker, publisher: Worker, name: str, url: str) -> dict:
    """The page's warm median, then its first request after each of COLD_REPEATS + 1 publications."""
    worker.ask({"warm": url, "repeats": 1})
    warm = worker.ask({"warm": url, "repeats": WARM_REPEATS})
    times, switches, prepared = [], [], []
    queries, statements = None, None
    for attempt in range(COLD_REPEATS + 1):
        token = publisher.ask({"publish": True})["token"]
        answer = worker.ask({"after_publication": url, "token": token, "count": attempt == COLD_REPEATS})
        switches.append(answer["switch_ms"])
        prepared.append(answer["prepared_s"])
        if attempt == COLD_REPEATS:
            queries = answer["queries"]
            statements = answer.get("sql")
        else:
            times.append(answer["ms"])
    row = {
        "url": url,
        "median_ms": median(list(warm["ms"])),
        "after_ms": median(times),
        "after_all_ms": times,
        "queries_after": queries,
        "switch_ms": max(switches),
        "prepared_s": max((p for p in prepared if p is not None), default=None),
        "prepared_all_s": prepared,
    }
    row["ratio"] = ratio(row["after_ms"], row["median_ms"])
    if statements is not None:
        row["sql"] = statements
    return row


def main() -> None:
    if len(sys.argv) < 2 or not sys.argv[1].isdigit():
        sys.exit(__doc__)
    size, wanted = int(sys.argv[1]), sys.argv[2:]
    folder = ROOT / ".bench" / str(size)
    folder.mkdir(parents=True, exist_ok=True)
    seeding, production = environments(str(folder / "media"))
    uncached = {**production, "PAGE_CACHE_SECONDS": "0", "STATIC_ROOT": str(folder / "static")}
    prepare(seeding, size)
    if not (folder / "static").exists():
        manage(uncached, "collectstatic", "--noinput", "-v0")
    worker = Worker(uncached, log=folder / "worker.log")
    publisher = Worker(uncached, "--publisher", log=folder / "publisher.log")
    rows: dict[str, dict] = {}
    started = time.monotonic()
    try:
        for name, url in worker.pages.items():
            if wanted and name not in wanted:
                continue
            rows[name] = measure(worker, publisher, name, url)
            print_row(name, rows[name])
            for statement in rows[name].get("sql", ()):
                print(f"    {statement}")
    finally:
        worker.close()
        publisher.close()
    held = {
        name: row
        for name, row in rows.items()
        if row["ratio"] is not None
        and row["ratio"] <= TARGETS["after_publication"]
        and row["queries_after"] <= TARGETS["queries"]
    }
    print(
        f"\n{worker.publications} publications : {len(held)}/{len(rows)} pages ≤ {TARGETS['after_publication']} × "
        f"la médiane et ≤ {TARGETS['queries']} requêtes ; {round(time.monotonic() - started)} s ; "
        f"charge moyenne {os.getloadavg()[0]:.1f}"
    )
    results = {"publications": worker.publications, "pages": rows, "load_average": os.getloadavg()[0]}
    (folder / "after_publication.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


def print_row(name: str, row: dict) -> None:
    print(
        f"{name:28} médiane {row['median_ms']:>7} ms  après publication {row['after_ms']:>8} ms "
        f"({row['ratio']:>5} ×, {row['queries_after']:>2} requêtes)  bascule {row['switch_ms']:>6} ms  "
        f"préparée en {row['prepared_all_s']} s  (essais : {row['after_all_ms']} ms)",
        flush=True,
    )


if __name__ == "__main__":
    main()
