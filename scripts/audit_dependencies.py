"""`make audit`: known vulnerabilities in the locked set (requirements-dev.lock, a superset
of requirements.lock). Fails on any known vulnerability.

1. pip-audit on the lock (hashes checked, nothing installed), against PyPI's advisory data.
2. Where pip-audit cannot get an answer for a package (some networks, this project's
   sandbox included, serve PyPI's per-version JSON API as 404 and do not reach OSV), the
   project-level PyPI JSON is read instead: it lists the advisories of the latest release.
   A locked package at its latest release is thereby audited exactly. A package held back by
   our own pins (Django 5.2 LTS, Wagtail 7.4 LTS...) cannot be audited that way: it must at
   least be the newest release of its series (the line its maintainers patch), and it is
   named in the report as "not audited here".
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements-dev.lock"
PYPI = "https://pypi.org/pypi/{name}/json"


def locked_packages(lock: Path = LOCK) -> dict[str, str]:
    pins = re.findall(r"^([A-Za-z0-9_.\-]+)==([^\s\\;]+)", lock.read_text(), flags=re.MULTILINE)
    return {name.lower(): version for name, version in pins}


def run_pip_audit() -> dict[str, dict]:
    command = [sys.executable, "-m", "pip_audit", "-r", str(LOCK), "--disable-pip", "--progress-spinner", "off",
               "-f", "json", "--timeout", "30"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if not result.stdout.strip():
        raise SystemExit(f"pip-audit gave no report:\n{result.stderr}")
    report = json.loads(result.stdout)
    return {dep["name"].lower(): dep for dep in report["dependencies"]}


def project_json(name: str) -> dict | None:
    try:
        with urllib.request.urlopen(PYPI.format(name=name), timeout=30) as response:
            return json.load(response)
    except OSError:
        return None


def stable(versions) -> list[Version]:
    found = []
    for text in versions:
        try:
            version = Version(text)
        except InvalidVersion:
            continue
        if not version.is_prerelease and not version.is_devrelease:
            found.append(version)
    return sorted(found)


def fallback(name: str, version: str) -> tuple[str, str]:
    """(verdict, detail): verdict is 'ok', 'held', 'vulnerable', 'outdated' or 'unknown'."""
    data = project_json(name)
    if data is None:
        return "unknown", "PyPI did not answer"
    latest = data["info"]["version"]
    if Version(version) == Version(latest):
        advisories = [v for v in data.get("vulnerabilities", []) if not v.get("withdrawn")]
        if advisories:
            return "vulnerable", ", ".join(f"{v['id']} (fixed in {', '.join(v.get('fixed_in') or ['?'])})" for v in advisories)
        return "ok", "latest release, no advisory"
    ours = Version(version)
    same_series = [v for v in stable(data["releases"]) if v.release[:2] == ours.release[:2] and not all(
        f.get("yanked") for f in data["releases"].get(str(v), []) or [{"yanked": False}])]
    newest = max(same_series, default=ours)
    if newest > ours:
        return "outdated", f"{version} < {newest}, the newest {ours.major}.{ours.minor}.x release (latest {latest})"
    return "held", f"{version} is the newest {ours.major}.{ours.minor}.x; latest is {latest}"


def main() -> int:
    pins = locked_packages()
    audited = run_pip_audit()
    vulnerable = {name: dep["vulns"] for name, dep in audited.items() if dep.get("vulns")}
    skipped = sorted(name for name, dep in audited.items() if "skip_reason" in dep)
    print(f"pip-audit: {len(audited) - len(skipped)} of {len(pins)} locked packages audited, "
          f"{sum(len(v) for v in vulnerable.values())} known vulnerabilities")
    for name, vulns in vulnerable.items():
        print(f"  VULNERABLE {name} {pins.get(name)}: " + ", ".join(v["id"] for v in vulns))

    verdicts: dict[str, tuple[str, str]] = {}
    if skipped:
        print(f"pip-audit could not query {len(skipped)} packages (PyPI per-version API or OSV unreachable); "
              "falling back to PyPI's project data:")
        with ThreadPoolExecutor(max_workers=8) as pool:
            for name, verdict in zip(skipped, pool.map(lambda n: fallback(n, pins[n]), skipped)):
                verdicts[name] = verdict
        counts = {kind: sorted(n for n, (k, _) in verdicts.items() if k == kind) for kind in
                  ("ok", "held", "vulnerable", "outdated", "unknown")}
        print(f"  {len(counts['ok'])} at their latest release with no advisory")
        for kind, label in (("held", "not audited here (held back by our pins)"), ("vulnerable", "VULNERABLE"),
                            ("outdated", "OUTDATED in their series"), ("unknown", "NO ANSWER")):
            for name in counts[kind]:
                print(f"  {label}: {name} - {verdicts[name][1]}")
        failed = counts["vulnerable"] or counts["outdated"] or counts["unknown"]
    else:
        failed = []
    if vulnerable or failed:
        print("audit FAILED: upgrade the packages above (edit pyproject.toml, `make lock`).")
        return 1
    print("audit passed: 0 known vulnerabilities.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
