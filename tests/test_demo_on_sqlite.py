"""The demo still runs on SQLite (DATABASE_URL=sqlite:///…): migrate, seed twice, every
live page, the search, the site map and robots.txt answer as they should."""

from __future__ import annotations

import subprocess
import sys

from tests.databases import ROOT


def test_demo_runs_on_sqlite():
    result = subprocess.run(
        [sys.executable, "scripts/smoke_demo.py"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " 0 failed" in result.stdout
