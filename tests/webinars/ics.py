"""Reads .ics text as a calendar app would: with `icalendar` when installed, else a strict parser.

The strict parser (used until the lead installs icalendar from the dev lock) checks the
RFC 5545 framing itself: CRLF line ends, lines of at most 75 octets, folded lines starting with a
space, matching BEGIN/END, NAME[;PARAMS]:VALUE properties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

try:
    import icalendar
except ImportError:  # pragma: no cover - depends on the environment
    icalendar = None

NAME = re.compile(r"^[A-Za-z0-9-]+$")


def check_framing(text: str) -> None:
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n"), "the calendar must end with CRLF"
    for line in raw.split(b"\r\n")[:-1]:
        assert b"\n" not in line and b"\r" not in line, f"bare line break in {line!r}"
        assert len(line) <= 75, f"line longer than 75 octets: {line!r}"
        line.decode("utf-8")  # a fold never cuts a UTF-8 character in two


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char != "\\":
            assert char not in ";,", f"unescaped {char!r} in TEXT value {value!r}"
            out.append(char)
            continue
        nxt = next(chars)
        assert nxt in "\\;,nN", f"bad escape \\{nxt}"
        out.append("\n" if nxt in "nN" else nxt)
    return "".join(out)


@dataclass
class Component:
    name: str
    props: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    children: list[Component] = field(default_factory=list)

    def get(self, name: str) -> str:
        values = self.props.get(name.upper(), [])
        assert len(values) == 1, f"{name} appears {len(values)} times in {self.name}"
        return values[0][1]


def strict_parse(text: str) -> Component:
    check_framing(text)
    lines: list[str] = []
    for line in text.split("\r\n")[:-1]:
        if line.startswith(" "):
            assert lines, "a folded line cannot come first"
            lines[-1] += line[1:]
        else:
            lines.append(line)
    stack: list[Component] = []
    root = None
    for line in lines:
        head, sep, value = line.partition(":")
        assert sep, f"no colon in {line!r}"
        name, _, params = head.partition(";")
        assert NAME.match(name), f"bad property name {name!r}"
        if name == "BEGIN":
            component = Component(value)
            (stack[-1].children if stack else []).append(component)
            stack.append(component)
            root = root or component
        elif name == "END":
            assert stack and stack[-1].name == value, f"END:{value} does not close {stack[-1].name if stack else None}"
            stack.pop()
        else:
            assert stack, "property outside a component"
            stack[-1].props.setdefault(name, []).append((params, value))
    assert not stack, "unclosed component"
    assert root is not None and root.name == "VCALENDAR"
    return root


def utc(value: str) -> datetime:
    assert re.fullmatch(r"\d{8}T\d{6}Z", value), f"not a UTC date-time: {value}"
    return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


TEXT_PROPS = ("summary", "description", "location")


def read_calendar(text: str) -> tuple[dict, list[dict]]:
    """(calendar properties, events) as plain Python values, from either parser."""
    check_framing(text)
    if icalendar is not None:
        calendar = icalendar.Calendar.from_ical(text)
        props = {key.lower(): str(calendar.get(key)) for key in calendar.keys()}
        events = []
        for event in calendar.walk("VEVENT"):
            events.append(
                {
                    "uid": str(event.get("uid")),
                    "dtstart": event.decoded("dtstart"),
                    "dtend": event.decoded("dtend"),
                    "dtstamp": event.decoded("dtstamp"),
                    "url": str(event.get("url", "")),
                    **{key: str(event.get(key, "")) for key in TEXT_PROPS},
                }
            )
        return props, events
    root = strict_parse(text)
    props = {name.lower(): values[0][1] for name, values in root.props.items()}
    props["x-wr-calname"] = unescape(props["x-wr-calname"])
    events = []
    for event in (child for child in root.children if child.name == "VEVENT"):
        events.append(
            {
                "uid": event.get("UID"),
                "dtstart": utc(event.get("DTSTART")),
                "dtend": utc(event.get("DTEND")),
                "dtstamp": utc(event.get("DTSTAMP")),
                "url": event.get("URL") if "URL" in event.props else "",
                **{key: unescape(event.get(key)) if key.upper() in event.props else "" for key in TEXT_PROPS},
            }
        )
    return props, events
