"""Lighthouse (npm, pinned) with Debian's Chromium: the performance score of a few pages.

Optional: without npm or network the bench says why and goes on.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

VERSION = "12.8.2"  # the last major that runs on Node 20 (13.x wants Node 22)
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "rameau-bench" / f"lighthouse-{VERSION}"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")


def install() -> Path | str:
    """The lighthouse executable, installed once into the user's cache; or why not."""
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    if binary.exists():
        return binary
    if not shutil.which("npm"):
        return "npm introuvable"
    if not Path(CHROME).exists():
        return f"Chromium introuvable ({CHROME})"
    result = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(CACHE), f"lighthouse@{VERSION}"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0 or not binary.exists():
        return f"npm install lighthouse@{VERSION} a échoué : {result.stderr.strip()[-200:]}"
    return binary


def score(binary: Path, url: str, attempts: int = 2) -> dict:
    """Lighthouse's default run (mobile, simulated slow 4G), performance category only.

    Chromium now and then fails to start on a loaded machine: one more try before giving up.
    """
    error = ""
    for _attempt in range(attempts):
        with tempfile.TemporaryDirectory(prefix="rameau-lh-") as folder:
            report = Path(folder) / "report.json"
            run = subprocess.run(
                [
                    str(binary),
                    url,
                    "--quiet",
                    "--only-categories=performance",
                    "--output=json",
                    f"--output-path={report}",
                    "--chrome-flags=--headless --no-sandbox --disable-gpu",
                ],
                env={**os.environ, "CHROME_PATH": CHROME},
                capture_output=True,
                text=True,
                timeout=240,
            )
            if run.returncode == 0 and report.exists():
                return summary(json.loads(report.read_text()))
            error = f"lighthouse exit {run.returncode}: {(run.stderr or run.stdout).strip()[-300:]}"
    raise RuntimeError(error)


def summary(data: dict) -> dict:
    audits = data["audits"]
    return {
        "score": round(data["categories"]["performance"]["score"] * 100),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
    }
