"""File sizes as French readers expect them: « 850 Ko », « 1,2 Mo » (decimal comma, no-break space)."""

from __future__ import annotations

NBSP = "\u00a0"


def _decimal(value: float) -> str:
    text = f"{value:.1f}".replace(".", ",")
    return text[:-2] if text.endswith(",0") else text


def french_file_size(size: int | None) -> str:
    if not size or size < 0:
        return ""
    if size < 1024:
        return f"{size}{NBSP}octets"
    if size < 1024 * 1024:
        return f"{_decimal(size / 1024)}{NBSP}Ko"
    if size < 1024**3:
        return f"{_decimal(size / 1024**2)}{NBSP}Mo"
    return f"{_decimal(size / 1024**3)}{NBSP}Go"
