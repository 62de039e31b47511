"""robots.txt, read once per host and per run, as RFC 9309 says.

A 200 answer gives the rules; any other 4xx means « no rules » (everything allowed); a 5xx,
a timeout or a refused address means the site cannot say, so nothing is fetched from it
this time. The rules are matched against our product token, then `*`.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from resources import outbound

from .agent import ROBOTS_TOKEN, USER_AGENT

# RFC 9309: crawlers must read at least the first 500 KiB.
MAX_ROBOTS_BYTES = 500 * 1024


class Robots:
    """What each host's robots.txt allows, fetched on first use and remembered for this run."""

    def __init__(self) -> None:
        self.rules: dict[str, RobotFileParser | str] = {}

    def refusal(self, url: str, timeout: float = outbound.DEFAULT_TIMEOUT) -> str:
        """Why `url` must not be fetched ("" when it may be)."""
        parts = urlsplit(url)
        origin = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        if origin not in self.rules:
            self.rules[origin] = self.read(origin, timeout)
        rules = self.rules[origin]
        if isinstance(rules, str):
            return rules
        return "" if rules.can_fetch(ROBOTS_TOKEN, url) else "refusé par le fichier robots.txt de la plateforme"

    def read(self, origin: str, timeout: float) -> RobotFileParser | str:
        rules = RobotFileParser(f"{origin}/robots.txt")
        try:
            response = outbound.fetch(
                f"{origin}/robots.txt",
                headers={"User-Agent": USER_AGENT, "Accept": "text/plain"},
                timeout=timeout,
                max_bytes=MAX_ROBOTS_BYTES,
            )
        except outbound.FetchError as error:
            return f"robots.txt illisible ({error}) : relevé reporté"
        if response.status >= 500:
            return f"robots.txt indisponible (erreur HTTP {response.status}) : relevé reporté"
        if response.status >= 400:
            rules.parse([])  # no rules: everything allowed
        else:
            rules.parse(response.body.decode("utf-8", "replace").splitlines())
        return rules
