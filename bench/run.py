"""`make bench`: the performance benchmark, on the PostgreSQL in DATABASE_URL.

1. migrate, seed_demo, then top the library up to 20 publications: the small site;
2. per page type, uncached (page cache off): SQL queries and median server time;
3. bench_data: 12 centres, 2,000 publications, ten years of webinars (120 sessions), 500 news;
4. the same measures on the large site;
5. gunicorn with the production settings (2 workers), wrk 10 s per page and for one static
   file through WhiteNoise (the ceiling); the home page's weight; Lighthouse if npm allows.
Prints a table and writes bench/results.json. Run through scripts/with-postgres (the Makefile
does), never against a database you care about: it adds 2,600 pages.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import lighthouse  # noqa: E402
import load  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv/bin/python") if (ROOT / ".venv/bin/python").exists() else sys.executable
WRK_SECONDS = int(os.environ.get("BENCH_WRK_SECONDS", "10"))
# Sync workers (gunicorn's default, and the production setting): the work is CPU-bound and
# the GIL lets one thread run at a time, so in our trials on two cores gthread (4 threads)
# served no more pages, with a more erratic p99; keep-alive and slow clients are the job of
# the proxy in front.
GUNICORN_THREADS = 1
BUDGET = {"queries": 10, "median_ms": 15, "ratio": 0.5, "home_kb": 100, "lighthouse": 95}
LIGHTHOUSE_PAGES = ("accueil", "publications (index)", "une publication")


def step(title: str) -> None:
    print(f"\n== {title}", flush=True)


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def in_process(env: dict) -> dict:
    output = subprocess.run(
        [PYTHON, "bench/inprocess.py"], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(output.stdout)


def environments(media: str) -> tuple[dict, dict]:
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        sys.exit("bench/run.py needs DATABASE_URL on PostgreSQL: run `make bench` (a throwaway cluster).")
    common = {**os.environ, "MEDIA_ROOT": media, "PYTHONDONTWRITEBYTECODE": "1"}
    seeding = {**common, "DJANGO_SETTINGS_MODULE": "rameau_site.settings.dev"}
    production = {
        **common,
        "DJANGO_SETTINGS_MODULE": "rameau_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on 127.0.0.1: no TLS proxy in front here
        "LOG_LEVEL": "WARNING",
    }
    return seeding, production


def serve_and_load(production: dict, pages: dict, folder: Path) -> dict:
    kind = "sync" if GUNICORN_THREADS == 1 else f"gthread × {GUNICORN_THREADS} threads"
    results: dict = {"worker": f"2 workers {kind}", "wrk_seconds": WRK_SECONDS}
    if not shutil.which("wrk"):
        results["skipped"] = "wrk introuvable (apt-get install wrk)"
        return results
    with load.gunicorn(production, folder / "gunicorn.log", GUNICORN_THREADS) as base:
        step("Plafond : un fichier statique servi par WhiteNoise")
        static = load.static_url(base)
        results["static"] = {"url": static, **load.wrk(base + static, WRK_SECONDS)}
        print(results["static"], flush=True)
        results["pages"] = {}
        for name, url in pages.items():
            # The ceiling again just before each page (3 s): on a shared machine the load of
            # other processes drifts, and a ratio is only fair between neighbouring runs.
            ceiling = load.wrk(base + static, 3)["rps"]
            measured = load.wrk(base + url, WRK_SECONDS)
            measured["static_rps"] = ceiling
            measured["ratio"] = round(measured["rps"] / ceiling, 2)
            results["pages"][name] = {"url": url, **measured}
            print(f"  {name:26} {measured}", flush=True)
        step("Poids de la page d'accueil")
        results["home_weight"] = load.home_weight(base)
        print(results["home_weight"], flush=True)
        step("Lighthouse")
        results["lighthouse"] = run_lighthouse(base, pages)
    return results


def run_lighthouse(base: str, pages: dict) -> dict:
    binary = lighthouse.install()
    if isinstance(binary, str):
        print(f"Lighthouse ignoré : {binary}", flush=True)
        return {"skipped": binary}
    scores = {}
    for name in LIGHTHOUSE_PAGES:
        try:
            scores[name] = lighthouse.score(binary, base + pages[name])
        except (subprocess.SubprocessError, OSError, ValueError, KeyError, RuntimeError) as error:
            scores[name] = {"error": str(error)[-300:]}
        print(f"  {name:26} {scores[name]}", flush=True)
    return scores


def main() -> None:
    started = time.monotonic()
    load_before = list(os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="rameau-bench-") as folder:
        seeding, production = environments(f"{folder}/media")
        uncached = {**production, "PAGE_CACHE_SECONDS": "0"}
        step("Base de démonstration (PostgreSQL) et fichiers statiques")
        manage(seeding, "migrate", "--noinput", "-v0")
        manage(seeding, "seed_demo", "-v0")
        manage(seeding, "bench_data", "--publications", "20", "--webinar-years", "0", "--news", "0")
        manage(production, "collectstatic", "--noinput", "-v0")
        step("Petit site : requêtes et temps serveur, sans cache de pages")
        small = in_process(uncached)
        step("Grand site : bench_data")
        manage(seeding, "bench_data")
        step("Grand site : requêtes et temps serveur, sans cache de pages")
        large = in_process(uncached)
        pages = {name: row["url"] for name, row in large["pages"].items()}
        step("gunicorn (réglages de production) et wrk")
        served = serve_and_load(production, pages, Path(folder))
    results = {
        "small": small,
        "large": large,
        "served": served,
        "budgets": BUDGET,
        "seconds": round(time.monotonic() - started),
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_before": load_before,
            "load_average_after": list(os.getloadavg()),
        },
    }
    results["verdicts"] = verdicts(results)
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print_table(results)


def verdicts(results: dict) -> dict:
    from targets import TIMED

    small, large, served = results["small"]["pages"], results["large"]["pages"], results["served"]
    over_queries = {
        n: (small[n]["queries"], large[n]["queries"])
        for n in large
        if max(small[n]["queries"], large[n]["queries"]) > BUDGET["queries"]
    }
    grew = {n: (small[n]["queries"], large[n]["queries"]) for n in large if small[n]["queries"] != large[n]["queries"]}
    slow = {n: large[n]["median_ms"] for n in large if n in TIMED and large[n]["median_ms"] > BUDGET["median_ms"]}
    verdict = {
        f"≤ {BUDGET['queries']} requêtes SQL par page (20 et 2 000 publications)": not over_queries or over_queries,
        "requêtes identiques à 20 et 2 000 publications": not grew or grew,
        f"médiane ≤ {BUDGET['median_ms']} ms (listes et pages de détail, sans cache)": not slow or slow,
    }
    if "pages" in served:
        low = {n: row["ratio"] for n, row in served["pages"].items() if row["ratio"] < BUDGET["ratio"]}
        verdict[f"débit ≥ {BUDGET['ratio']:.0%} du fichier statique"] = not low or low
        weight = served["home_weight"]
        verdict[f"accueil ≤ {BUDGET['home_kb']} ko hors images, sans script bloquant"] = (
            weight["total"] <= BUDGET["home_kb"] * 1000 and weight["blocking_scripts"] == 0
        ) or weight
        scores = served.get("lighthouse", {})
        if "skipped" not in scores:
            low_scores = {n: s.get("score", s) for n, s in scores.items() if s.get("score", 0) < BUDGET["lighthouse"]}
            verdict[f"Lighthouse performance ≥ {BUDGET['lighthouse']}"] = not low_scores or low_scores
    return verdict


def print_table(results: dict) -> None:
    small, large, served = results["small"], results["large"], results["served"]
    wrk_pages = served.get("pages", {})
    print(
        f"\n{'page':26} {'req. SQL':>12} {'à froid':>8} {'médiane ms':>14} {'CPU ms':>7} "
        f"{'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'/statique':>9}"
    )
    print(
        f"{'':26} {small['publications']:>5}/{large['publications']:<6} {'':8} {small['publications']:>6}/{large['publications']:<7} {large['publications']:>7}"
    )
    for name, row in large["pages"].items():
        before = small["pages"][name]
        load_row = wrk_pages.get(name, {})
        print(
            f"{name:26} {before['queries']:>5}/{row['queries']:<6} {row['queries_cold']:>8} "
            f"{before['median_ms']:>6}/{row['median_ms']:<7} {row['median_cpu_ms']:>7} {load_row.get('rps', '-'):>7} "
            f"{load_row.get('p50_ms', '-'):>7} {load_row.get('p99_ms', '-'):>7} {load_row.get('ratio', '-'):>9}"
        )
    if "static" in served:
        static = served["static"]
        print(
            f"{'fichier statique':26} {'':>12} {'':>8} {'':>14} {'':>7} {static['rps']:>7} {static['p50_ms']:>7} {static['p99_ms']:>7} {1.0:>9}"
        )
        print(
            f"\nServeur : gunicorn, {served['worker']}, wrk {served['wrk_seconds']} s par adresse (16 connexions, gzip/br)."
        )
        weight = served["home_weight"]
        print(
            "Accueil transféré (compressé, hors images) : "
            f"HTML {weight['html']} o, CSS {weight['css']} o, JS {weight['js']} o, polices {weight['fonts']} o, "
            f"total {weight['total'] / 1000:.1f} ko ; scripts bloquants : {weight['blocking_scripts']}"
        )
        scores = served.get("lighthouse", {})
        if "skipped" in scores:
            print(f"Lighthouse : ignoré ({scores['skipped']})")
        else:
            print(
                "Lighthouse (performance, mobile) : "
                + ", ".join(f"{n} {s.get('score', 'erreur')}" for n, s in scores.items())
            )
    else:
        print(f"\nCharge : ignorée ({served.get('skipped')})")
    print("\nBudgets :")
    for label, verdict in results["verdicts"].items():
        print(f"  {'OK ' if verdict is True else 'NON'} {label}" + ("" if verdict is True else f" : {verdict}"))
    print("\n« à froid » : la première requête après une publication (tous les caches de contenu à refaire).")
    machine = results["machine"]
    print(
        f"Machine : {machine['cpus']} cœurs, charge moyenne {machine['load_average_before'][0]:.1f} au départ, "
        f"{machine['load_average_after'][0]:.1f} à la fin (les autres processus comptent aussi)."
    )
    print(f"Durée totale : {results['seconds']} s ; détails dans bench/results.json")


if __name__ == "__main__":
    main()
