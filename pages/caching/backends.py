"""Django's cache backends without the memcached key check.

`BaseCache.validate_key` scans every key character by character to warn about keys
memcached would refuse; with a hundred cache reads per page (renditions, fragments) that
scan cost more than the reads. The keys used here are short and ASCII; nothing else changes.
"""

from __future__ import annotations

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache


class FastLocMemCache(LocMemCache):
    def validate_key(self, key: str) -> None:
        return None


class FastRedisCache(RedisCache):  # `redis` itself is imported on first use, as in Django
    def validate_key(self, key: str) -> None:
        return None
