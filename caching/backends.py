"""Django's cache backends without the memcached key check, and a Redis that may fail.

`BaseCache.validate_key` scans every key character by character to warn about keys
memcached would refuse; with a hundred cache reads per page (renditions, fragments) that
scan cost more than the reads. The keys used here are short and ASCII.

Every cached value can be rebuilt from the database, so Redis being away must cost speed,
never pages: the Redis backend answers « not cached » to every operation while it is
unreachable (a counter's `incr` as for a missing key), logs it once, and tries again after a
short pause instead of waiting on every call. Nothing a visitor sends depends on it: form
limits are counted in the database (core/counters.py).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

#: After a failure, Redis is left alone this long before the next attempt (a cache's
#: RETRY_AFTER entry in CACHES overrides it).
RETRY_AFTER_SECONDS = 5.0
#: Connecting and answering: a Redis slower than this counts as away.
SOCKET_TIMEOUT_SECONDS = 0.25


class FastLocMemCache(LocMemCache):
    def validate_key(self, key: str) -> None:
        return None


class ResilientRedisCache(RedisCache):
    """Django's RedisCache that degrades to « nothing cached » while Redis is unreachable."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS") or {})
        options.setdefault("socket_connect_timeout", SOCKET_TIMEOUT_SECONDS)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT_SECONDS)
        super().__init__(server, {**params, "OPTIONS": options})
        self.retry_after = float(params.get("RETRY_AFTER", RETRY_AFTER_SECONDS))
        self.unavailable_until = 0.0
        self.lock = threading.Lock()

    def validate_key(self, key: str) -> None:
        return None

    @property
    def available(self) -> bool:
        return time.monotonic() >= self.unavailable_until

    def guarded(self, call: Callable[[], Any], fallback: Any) -> Any:
        """`call()`, or `fallback` when Redis is away (now, or a moment ago)."""
        from redis.exceptions import RedisError

        if not self.available:
            return fallback
        try:
            return call()
        except (RedisError, OSError) as error:
            with self.lock:
                if self.available:
                    logger.warning("cache unavailable, serving uncached for %.0f s: %s", self.retry_after, error)
                self.unavailable_until = time.monotonic() + self.retry_after
            return fallback

    def get(self, key, default=None, version=None):
        return self.guarded(lambda: super(ResilientRedisCache, self).get(key, default, version), default)

    def get_many(self, keys, version=None):
        return self.guarded(lambda: super(ResilientRedisCache, self).get_many(keys, version), {})

    def has_key(self, key, version=None):
        return self.guarded(lambda: super(ResilientRedisCache, self).has_key(key, version), False)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.guarded(lambda: super(ResilientRedisCache, self).set(key, value, timeout, version), None)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.guarded(lambda: super(ResilientRedisCache, self).add(key, value, timeout, version), False)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self.guarded(lambda: super(ResilientRedisCache, self).set_many(data, timeout, version), list(data))

    def incr(self, key, delta=1, version=None):
        """As for a key that is not there (ValueError) while Redis is away: callers already
        handle that case; nothing the site must keep is counted in the cache."""
        away = object()
        value = self.guarded(lambda: super(ResilientRedisCache, self).incr(key, delta, version), away)
        if value is away:
            raise ValueError(f"Key '{key}' not found (cache unavailable)")
        return value

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.guarded(lambda: super(ResilientRedisCache, self).touch(key, timeout, version), False)

    def delete(self, key, version=None):
        return self.guarded(lambda: super(ResilientRedisCache, self).delete(key, version), False)

    def delete_many(self, keys, version=None):
        self.guarded(lambda: super(ResilientRedisCache, self).delete_many(keys, version), None)

    def clear(self):
        return self.guarded(lambda: super(ResilientRedisCache, self).clear(), False)
