"""Small values every page needs (its route, the site's settings, menus, view
restrictions), read from the database once per content version instead of once per request.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import caches
from django.http import HttpRequest

from .version import token_for

T = TypeVar("T")

ALIAS = "default"
# Entries are unreachable as soon as the content version changes; the timeout only bounds
# how long the dead ones linger in memory.
TIMEOUT = 60 * 60
_MISSING = object()


# Immutable values (tuples, frozen dataclasses) also kept as objects in this process, for
# the current content version only: reading a 2,000-entry catalogue back from the cache
# (unpickling it) cost more than using it.
_in_process: dict[str, object] = {}
_in_process_token = ""
_in_process_lock = threading.Lock()


def remember(
    request: HttpRequest | None, name: str, build: Callable[[], T], keep_none: bool = True, immutable: bool = False
) -> T:
    """The value of `build()` for the current content version, built at most once per version.

    `keep_none=False` leaves "nothing found" uncached, for lookups anyone can vary at will
    (an address typed at random must not fill the cache). `immutable=True` promises nobody
    changes the value: it is then also shared, unpickled, between the requests of a process.
    """
    global _in_process_token
    token = token_for(request)
    key = f"rameau:data:{token}:{name}"
    if immutable:
        value = _in_process.get(key, _MISSING)
        if value is not _MISSING:
            return value
    cache = caches[ALIAS]
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        if value is not None or keep_none:
            cache.set(key, value, TIMEOUT)
    if immutable:
        with _in_process_lock:
            if token != _in_process_token:  # a new version: what was kept belongs to the old one
                _in_process.clear()
                _in_process_token = token
            _in_process[key] = value
    return value


def forget_in_process() -> None:
    """Drop the immutable values kept in this process (tests, after rolling a transaction back)."""
    with _in_process_lock:
        _in_process.clear()


def recall(request: HttpRequest | None, name: str):
    """What `keep()` filed under this name for the current content version, or None."""
    return caches[ALIAS].get(f"rameau:data:{token_for(request)}:{name}")


def keep(request: HttpRequest | None, name: str, value) -> None:
    """File a value under this name for the current content version (see `recall()`)."""
    caches[ALIAS].set(f"rameau:data:{token_for(request)}:{name}", value, TIMEOUT)
