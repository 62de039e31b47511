"""`make audit`: known vulnerabilities in the locked set (requirements-dev.lock, a superset
of requirements.lock) and in the virtual environment's own pip and setuptools
(requirements-venv.lock). `make image-check` audits the same way the set installed in the
image (`pip list --format=freeze` run inside it: `audit((freeze_file,), hashed=False)`). Fails only on a known vulnerability of a locked version; a newer
release in a package's series, or a package nobody could answer for, is a warning. It needs
PyPI, so it is not part of `make test` (CI runs it after the tests).

1. pip-audit on the lock (hashes checked, nothing installed), against PyPI's advisory data.
2. Where pip-audit cannot get an answer for a package (some networks, this project's
   sandbox included, serve PyPI's per-version JSON API as 404 and do not reach OSV), the
   project-level PyPI JSON is read instead: it lists the advisories of the latest release.
   A locked package at its latest release is thereby audited exactly. A package held back by
   our own pins (Django 5.2 LTS, Wagtail 7.4 LTS...) cannot be audited that way: it is named
   in the report as "not audited here", with a warning when its series has a newer release.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
LOCKS = (ROOT / "requirements-dev.lock", ROOT / "requirements-venv.lock")
PYPI = "https://pypi.org/pypi/{name}/json"


def locked_packages(locks: tuple[Path, ...] = LOCKS) -> dict[str, str]:
    """name == version pins of lock files (or of a `pip list --format=freeze` output)."""
    text = "\n".join(lock.read_text() for lock in locks)
    pins = re.findall(r"^([A-Za-z0-9_.\-]+)==([^\s\\;]+)", text, flags=re.MULTILINE)
    return {canonicalize_name(name): version for name, version in pins}


def run_pip_audit(locks: tuple[Path, ...] = LOCKS, *, hashed: bool = True) -> dict[str, dict]:
    """pip-audit's report by package; `hashed=False` for a pinned set without hashes (a freeze)."""
    requirements = [arg for lock in locks for arg in ("-r", str(lock))]
    command = [
        sys.executable,
        "-m",
        "pip_audit",
        *requirements,
        "--disable-pip",
        *([] if hashed else ["--no-deps"]),
        "--progress-spinner",
        "off",
        "-f",
        "json",
        "--timeout",
        "30",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if not result.stdout.strip():
        raise SystemExit(f"pip-audit gave no report:\n{result.stderr}")
    report = json.loads(result.stdout)
    return {canonicalize_name(dep["name"]): dep for dep in report["dependencies"]}


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
            return "vulnerable", ", ".join(
                f"{v['id']} (fixed in {', '.join(v.get('fixed_in') or ['?'])})" for v in advisories
            )
        return "ok", "latest release, no advisory"
    ours = Version(version)
    same_series = [
        v
        for v in stable(data["releases"])
        if v.release[:2] == ours.release[:2]
        and not all(f.get("yanked") for f in data["releases"].get(str(v), []) or [{"yanked": False}])
    ]
    newest = max(same_series, default=ours)
    if newest > ours:
        return "outdated", f"{version} < {newest}, the newest {ours.major}.{ours.minor}.x release (latest {latest})"
    return "held", f"{version} is the newest {ours.major}.{ours.minor}.x; latest is {latest}"


def audit(locks: tuple[Path, ...] = LOCKS, *, hashed: bool = True) -> int:
    """Prints the report; 1 when a pinned version has a known vulnerability, else 0."""
    pins = locked_packages(locks)
    audited = run_pip_audit(locks, hashed=hashed)
    vulnerable = {name: dep["vulns"] for name, dep in audited.items() if dep.get("vulns")}
    skipped = sorted(name for name, dep in audited.items() if "skip_reason" in dep)
    print(
        f"pip-audit: {len(audited) - len(skipped)} of {len(pins)} pinned packages audited, "
        f"{sum(len(v) for v in vulnerable.values())} known vulnerabilities"
    )
    for name, vulns in vulnerable.items():
        print(f"  VULNERABLE {name} {pins.get(name)}: " + ", ".join(v["id"] for v in vulns))

    verdicts: dict[str, tuple[str, str]] = {}
    if skipped:
        print(
            f"pip-audit could not query {len(skipped)} packages (PyPI per-version API or OSV unreachable); "
            "falling back to PyPI's project data:"
        )
        with ThreadPoolExecutor(max_workers=8) as pool:
            for name, verdict in zip(skipped, pool.map(lambda n: fallback(n, pins[n]), skipped), strict=True):
                verdicts[name] = verdict
        counts = {
            kind: sorted(n for n, (k, _) in verdicts.items() if k == kind)
            for kind in ("ok", "held", "vulnerable", "outdated", "unknown")
        }
        print(f"  {len(counts['ok'])} at their latest release with no advisory")
        for kind, label in (
            ("held", "not audited here (held back by our pins)"),
            ("outdated", "warning: newer release in the series"),
            ("unknown", "warning: no answer"),
            ("vulnerable", "VULNERABLE"),
        ):
            for name in counts[kind]:
                print(f"  {label}: {name} - {verdicts[name][1]}")
        failed = counts["vulnerable"]
    else:
        failed = []
    if vulnerable or failed:
        print("audit FAILED: known vulnerabilities above (upgrade them in pyproject.toml, then `make lock`).")
        return 1
    print("audit passed: 0 known vulnerabilities.")
    return 0


if __name__ == "__main__":
    sys.exit(audit())
