"""Which address a login attempt comes from, for django-axes.

X-Forwarded-For is written by whoever sends the request, so its first entries are worth
nothing. Without a proxy (TRUSTED_PROXY_COUNT = 0) the peer address is the client. Behind
N proxies of ours, each appends the address it saw, so the client is the N-th entry from
the end; anything a client put in front of that is ignored.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    peer = request.META.get("REMOTE_ADDR") or None
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
    if proxies <= 0:
        return peer
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        return peer
    return forwarded[-proxies]
