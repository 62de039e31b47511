"""Audience measurement with Matomo, off unless MATOMO_URL and MATOMO_SITE_ID are both set.

Configured as the CNIL exempts from consent: no cookie (the tracker runs with
`disableCookies`), and addresses anonymised by the Matomo server (README « Réglages »:
« Anonymiser l'adresse IP des visiteurs », 2 octets). The tracker is an external script
(static/js/matomo.js, then the Matomo server's own matomo.js): no inline script, and the
CSP names the Matomo host only when it is configured (rameau_site/security/middleware.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings


@dataclass(frozen=True)
class Matomo:
    url: str  # ends with a slash: matomo.js and matomo.php live below it
    site_id: str

    @property
    def origin(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"


def matomo() -> Matomo | None:
    """The configuration, or None when either variable is unset or unusable."""
    url = (getattr(settings, "MATOMO_URL", "") or "").strip()
    site_id = str(getattr(settings, "MATOMO_SITE_ID", "") or "").strip()
    if not url or not site_id.isdigit():
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        return None
    return Matomo(url if url.endswith("/") else url + "/", site_id)


def csp_sources() -> dict[str, list[str]]:
    """What the public CSP adds for Matomo: its script, its tracking requests (beacon or image)."""
    config = matomo()
    if config is None:
        return {}
    return {"script-src": [config.origin], "connect-src": [config.origin], "img-src": [config.origin]}
