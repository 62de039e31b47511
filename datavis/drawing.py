"""Where each mark of a chart goes, for the SVG templates to draw.

Charts have no viewBox: horizontal positions are percentages of the width the page gives
them and vertical ones are pixels, so text keeps its real size from 320 px phones to wide
screens and nothing is scaled into illegibility. A mark placed at a percentage with pixel
offsets around it (a line marker, a label beside a bar) sits in a nested <svg> at that
point, with `overflow="visible"`.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from .numbers import format_number, nice_ceiling, ticks, with_unit
from .series import GROUPED_BAR, LINE, MISSING, PART_OF_WHOLE, ChartData

# Each series' look: a fill pattern (or none) and, for lines, a dash and a marker shape, so
# that colour is never the only cue. Colours come from the site's palette (static/css/site.css)
# and reach 3:1 against the page (WCAG 1.4.11); the CSS classes hold them.
STYLES = [
    {"pattern": "solid", "dash": "", "marker": "circle"},
    {"pattern": "stripes", "dash": "8 5", "marker": "square"},
    {"pattern": "dots", "dash": "2 4", "marker": "diamond"},
    {"pattern": "cross", "dash": "12 4 2 4", "marker": "triangle"},
    {"pattern": "rows", "dash": "4 3", "marker": "circle"},
]
CHAR_WIDTH = 8.2  # px, a generous average for 14–15 px labels
NARROWEST = 300  # px: the narrowest chart (a 320 px phone less the page's margins)
LABEL_CHARACTERS = 36  # a category label longer than this wraps (it fits NARROWEST at 15 px)
LINE_HEIGHT = 19


def style(index: int) -> dict:
    return {"index": index % len(STYLES), **STYLES[index % len(STYLES)]}


def pct(value: float) -> str:
    return f"{round(value, 3):g}%"


@dataclass
class Plot:
    kind: str
    height: int
    marks: list[dict] = field(default_factory=list)
    labels: list[dict] = field(default_factory=list)
    grid: list[dict] = field(default_factory=list)
    segments: list[dict] = field(default_factory=list)
    legend: list[dict] = field(default_factory=list)
    total: str = ""

    @property
    def is_line(self) -> bool:
        return self.kind == LINE

    @property
    def patterns(self) -> list[int]:
        """The fill patterns this drawing uses (style 0 is a plain fill), for its <defs>."""
        used = {item["style"]["index"] for item in [*self.marks, *self.segments, *self.legend] if "style" in item}
        return sorted(used - {0})


def scale_top(data: ChartData, scale_max: float | None, *, rounded: bool) -> float:
    """The value at the far end of the scale: the editor's, 100 for percentages, else the data's."""
    largest = max(data.values)
    if scale_max and scale_max >= largest:
        return scale_max
    if data.unit == "%" and largest <= 100:
        return 100.0
    return nice_ceiling(largest) if rounded else largest


def bars(data: ChartData, scale_max: float | None) -> Plot:
    """Horizontal bars, one row per category (its label above), one bar per series.

    Each value is written just after its bar; the room kept on the right fits the longest
    such label on the narrowest screen.
    """
    grouped = len(data.series) > 1
    bar_height, gap, label_height, row_gap = (16, 4, 22, 14) if grouped else (22, 0, 22, 12)
    longest = max((len(label) for series in data.series for label in series.labels), default=4)
    room = min(40.0, max(10.0, (longest * CHAR_WIDTH + 10) / NARROWEST * 100))
    top = scale_top(data, scale_max, rounded=False)
    plot = Plot(GROUPED_BAR if grouped else "bar", 0)
    y = 0
    for index, category in enumerate(data.categories):
        lines = textwrap.wrap(category, LABEL_CHARACTERS) or [""]
        plot.labels.append({"x": "0", "y": y + 16, "lines": lines, "anchor": "start", "class": "chart__category"})
        y += label_height + LINE_HEIGHT * (len(lines) - 1)
        for number, series in enumerate(data.series):
            value = series.values[index]
            width = (value or 0) / top * (100 - room)
            plot.marks.append(
                {
                    "x": "0",
                    "y": y,
                    "width": pct(width),
                    "height": bar_height,
                    "style": style(number),
                    "end": pct(width),
                    "label": series.labels[index] or MISSING,
                    "label_y": y + bar_height / 2,
                }
            )
            y += bar_height + gap
        y += row_gap - gap
    plot.height = y
    if grouped:
        plot.legend = [{"name": series.name, "style": style(n)} for n, series in enumerate(data.series)]
    return plot


def part_of_whole(data: ChartData) -> Plot:
    """One bar split into its parts, the share of each written above it when there is room,
    and a key (drawn in HTML by the template) that names every part with its value."""
    series = data.series[0]
    total = sum(value for value in series.values if value)
    plot = Plot(PART_OF_WHOLE, 76, total=with_unit(total, data.unit))
    start = 0.0
    for index, category in enumerate(data.categories):
        value = series.values[index] or 0
        share = value / total * 100
        plot.segments.append(
            {
                "x": pct(start),
                "width": pct(share),
                "middle": pct(start + share / 2),
                "style": style(index),
                "share": f"{format_number(round(share, 1))}\u202f%",
                "show_share": share >= 12,
                "start": pct(start),
            }
        )
        plot.legend.append(
            {
                "name": category,
                "style": style(index),
                "value": series.labels[index],
                "share": f"{format_number(round(share, 1))}\u202f%",
            }
        )
        start += share
    return plot


def line(data: ChartData, scale_max: float | None) -> Plot:
    """Values over years: a line per series with its own dash and marker, gridlines with their
    values in a gutter on the left, each point's value written beside it (above for the first
    series, below for the second, at the last point only beyond), the years along the bottom."""
    top_margin, plot_height, bottom = 30, 190, 34
    top = scale_top(data, scale_max, rounded=True)
    tick_labels = [with_unit(tick, data.unit) for tick in ticks(top)]
    gutter = min(30.0, (max(len(label) for label in tick_labels) * 7.4 + 10) / NARROWEST * 100)
    left, right = gutter + 9, 91.0
    years = [int(category) for category in data.categories]
    first, span = years[0], (years[-1] - years[0]) or 1

    def x(year: int) -> float:
        return left + (year - first) / span * (right - left)

    def y(value: float) -> float:
        return round(top_margin + (1 - value / top) * plot_height, 1)

    plot = Plot(LINE, top_margin + plot_height + bottom)
    for tick, label in zip(ticks(top), tick_labels, strict=True):
        plot.grid.append({"x1": pct(gutter), "x2": "100%", "y1": y(tick), "y2": y(tick), "zero": tick == 0})
        plot.labels.append(
            {"x": pct(gutter - 1.5), "y": y(tick) + 4, "lines": [label], "anchor": "end", "class": "chart__tick"}
        )
    step = max(1, -(-len(years) // 6))  # at most about six years written along the bottom
    for index, year in enumerate(years):
        if index % step == 0 or index == len(years) - 1:
            plot.labels.append(
                {
                    "x": pct(x(year)),
                    "y": top_margin + plot_height + 22,
                    "lines": [str(year)],
                    "anchor": "middle",
                    "class": "chart__year",
                }
            )
    for number, series in enumerate(data.series):
        points = [
            (x(year), y(value), label)
            for year, value, label in zip(years, series.values, series.labels, strict=True)
            if value is not None
        ]
        for (x1, y1, _), (x2, y2, _) in zip(points, points[1:], strict=False):
            plot.segments.append({"x1": pct(x1), "y1": y1, "x2": pct(x2), "y2": y2, "style": style(number)})
        for position, (px, py, label) in enumerate(points):
            written = number < 2 or position == len(points) - 1
            plot.marks.append(
                {
                    "x": pct(px),
                    "y": py,
                    "style": style(number),
                    "label": label if written else "",
                    "label_dy": -12 if number % 2 == 0 else 24,
                }
            )
    if len(data.series) > 1:
        plot.legend = [{"name": series.name, "style": style(n)} for n, series in enumerate(data.series)]
    return plot


def draw(data: ChartData, kind: str, scale_max: float | None = None) -> Plot:
    if kind == LINE:
        return line(data, scale_max)
    if kind == PART_OF_WHOLE:
        return part_of_whole(data)
    return bars(data, scale_max)
