"""French numbers: read from a key figure's text (« 1 000 », « 1,5 M€ », « 81 % »), written
back the French way, and the round steps of a chart's scale."""

from __future__ import annotations

import math
import re

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"
# A leading number with French or plain separators: « 1 000 », « 1 000,5 », « 81 », « 1.5 ».
LEADING_NUMBER = re.compile(r"^\s*(-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+|-?\d+)(?:[,.](\d+))?\s*(.*)$")


def parse_figure(text: str) -> tuple[float, str] | None:
    """The number at the start of a figure and the unit after it, or None if it starts with none."""
    match = LEADING_NUMBER.match(text or "")
    if not match:
        return None
    whole, decimals, unit = match.groups()
    number = float(re.sub(r"[ \u00a0\u202f]", "", whole) + (f".{decimals}" if decimals else ""))
    return number, unit.strip()


def format_number(value: float) -> str:
    """« 1 000 », « 1,5 », « 81 »: narrow no-break spaces between thousands, a decimal comma."""
    rounded = round(value, 2)
    whole = int(abs(rounded))
    fraction = f"{abs(rounded) - whole:.2f}"[2:].rstrip("0")
    grouped = f"{whole:,}".replace(",", NARROW_NBSP)
    sign = "-" if rounded < 0 else ""
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


def with_unit(value: float, unit: str) -> str:
    """A number and its unit, never split across lines: « 81 % », « 100 M€ »."""
    if not unit:
        return format_number(value)
    space = NARROW_NBSP if unit == "%" else NBSP
    return f"{format_number(value)}{space}{unit}"


def nice_ceiling(value: float) -> float:
    """The smallest round number (1, 2, 2.5 or 5 times a power of ten) at or above value."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if value <= step * power * (1 + 1e-9))


def ticks(maximum: float, count: int = 4) -> list[float]:
    """Round steps from 0 to maximum (included) for gridlines: 0, 25, 50, 75, 100."""
    step = nice_ceiling(maximum / count)
    values, value = [], 0.0
    while value <= maximum + 1e-9:
        values.append(round(value, 6))
        value += step
    return values
