"""The `template_fragments` cache ({% cache %} and core.listing): a fragment rendered while
this request left an image out for later (core/rendition_budget.py) is not kept, so that the
next visitor gets it whole."""

from __future__ import annotations

from django.core.cache.backends.base import DEFAULT_TIMEOUT

from caching.backends import FastLocMemCache, ResilientRedisCache
from core.rendition_budget import incomplete


class KeepsCompleteFragments:
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if not incomplete():
            super().set(key, value, timeout, version)


class FragmentLocMemCache(KeepsCompleteFragments, FastLocMemCache):
    pass


class FragmentRedisCache(KeepsCompleteFragments, ResilientRedisCache):
    pass
