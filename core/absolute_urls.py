"""The one source of absolute addresses: the Wagtail Site record (Paramètres › Sites).

Canonical links, og:url and the sitemap come from Wagtail's own `get_full_url`, which reads the
Site record; JSON-LD, citations, feeds and robots.txt go through `absolute_url` here, which reads
the same record. A page served under another host name (a proxy, a typo in DNS) thus never
announces two different addresses for itself. E-mails to staff link to the admin through
`admin_root_url`, from the same record.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Site

from caching.sites import site_for_request


def site_root_url(request: HttpRequest | None) -> str:
    """« https://www.lerameau.fr » for the request's site (or the default one), without a slash."""
    site = site_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/") if request is not None else ""


def absolute_url(request: HttpRequest | None, url: str) -> str:
    """`url` made absolute from the Site record; already absolute addresses are kept."""
    if url.startswith(("http://", "https://")):
        return url
    root = site_root_url(request)
    return f"{root}{url}" if url.startswith("/") else f"{root}/{url}"


def admin_root_url() -> str:
    """« https://www.lerameau.fr »: where staff open the admin, for links in e-mails (sent with no
    request at hand). The default Site record, which staff keep at the public address;
    WAGTAILADMIN_BASE_URL only when there is no Site at all."""
    return site_root_url(None) or getattr(settings, "WAGTAILADMIN_BASE_URL", "")
