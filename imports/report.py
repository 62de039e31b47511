"""What the import tells: one CSV line per item, a summary, and a progress bar on a terminal."""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from django.core.management.base import OutputWrapper

COLUMNS = ("wp_id", "post_type", "old_url", "new_url", "status", "message")
STATUS_LABELS = {
    "created": "créés",
    "updated": "mis à jour",
    "unchanged": "inchangés",
    "skipped": "écartés",
    "error": "en erreur",
}


def write_csv(rows: Iterable, path: Path) -> None:
    """The report, exactly these columns, in UTF-8 with a BOM so that a spreadsheet reads the accents."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([getattr(row, column) for column in COLUMNS])


def summary(rows: list, dry_run: bool) -> str:
    """Counts per WordPress type and status, then every error with its reason."""
    counts = Counter((row.post_type or "?", row.status) for row in rows)
    lines = ["Simulation (--dry-run) : rien n'a été enregistré." if dry_run else "Import terminé."]
    for post_type in sorted({post_type for post_type, _ in counts}):
        parts = [
            f"{counts[post_type, status]} {label}"
            for status, label in STATUS_LABELS.items()
            if counts[post_type, status]
        ]
        lines.append(f"  {post_type} : " + ", ".join(parts))
    errors = [row for row in rows if row.status == "error"]
    if errors:
        lines.append(f"Erreurs ({len(errors)}) :")
        lines += [f"  {row.post_type} {row.wp_id} ({row.old_url or 'sans adresse'}) : {row.message}" for row in errors]
    return "\n".join(lines)


class ProgressBar:
    """`Fichiers [#####-----] 120/300`, redrawn in place at most ten times a second."""

    def __init__(self, stream: OutputWrapper, width: int = 30) -> None:
        self.stream, self.width = stream, width
        self.phase, self.drawn_at = "", 0.0

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if phase == self.phase and done < total and now - self.drawn_at < 0.1:
            return
        if phase != self.phase and self.phase:
            self.stream.write("")
        self.phase, self.drawn_at = phase, now
        filled = self.width * done // max(total, 1)
        self.stream.write(f"\r{phase:<13} [{'#' * filled}{'-' * (self.width - filled)}] {done}/{total}", ending="")
        self.stream.flush()

    def close(self) -> None:
        if self.phase:
            self.stream.write("")
