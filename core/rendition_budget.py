"""At most a few new renditions per request; the rest are made just after the answer.

After the renditions are lost (a restore, a new media volume), the first visit of an image-rich
page made dozens of them (three formats, two sizes, a dozen cards): 6.9 s, and 33.5 s under
load, past gunicorn's timeout. Now a request makes at most RENDITIONS_PER_REQUEST new ones;
an image that would need more is left out of this answer (as a missing image is), the answer
says `Cache-Control: private, no-cache` so neither the page cache, nor a proxy, nor the
fragment caches keep it, and its renditions are made right after the answer has gone
(`request_finished`, for at most RENDITIONS_CATCH_UP_SECONDS): the next visitor has them.
"""

from __future__ import annotations

import contextvars
import logging
import threading
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

logger = logging.getLogger("core.media")

_left: contextvars.ContextVar[int | None] = contextvars.ContextVar("renditions_left", default=None)
#: (image, specs) left for after the answer; a list per request (None outside one).
_postponed: contextvars.ContextVar[list | None] = contextvars.ContextVar("renditions_postponed", default=None)
_catch_up = threading.local()  # what this thread's last answer postponed, for request_finished


def incomplete() -> bool:
    """Whether this request left an image out for lack of budget (its caches must not keep it)."""
    return bool(_postponed.get())


def allow(image, specs: Iterable) -> bool:
    """Whether the renditions of `specs` missing for `image` may be made now (counted), or
    are postponed until after the answer."""
    left = _left.get()
    if left is None:  # outside a request (commands, the demo's seeding): no limit
        return True
    from wagtail.images.models import Filter

    filters = [spec if isinstance(spec, Filter) else Filter(spec=spec) for spec in specs]
    missing = len(filters) - len(image.find_existing_renditions(*filters))
    if missing <= left:
        _left.set(left - missing)
        return True
    _postponed.get().append((image, [f.spec for f in filters]))
    return False


class RenditionBudgetMiddleware:
    """Inside the page cache: scopes the budget to the request and marks an incomplete answer."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        left = _left.set(settings.RENDITIONS_PER_REQUEST)
        postponed = _postponed.set([])
        try:
            response = self.get_response(request)
            if _postponed.get():
                patch_cache_control(response, private=True, no_cache=True)
                _catch_up.items = list(_postponed.get())
            return response
        finally:
            _left.reset(left)
            _postponed.reset(postponed)


def catch_up(sender=None, **kwargs) -> int:
    """`request_finished` receiver: make what the answer postponed, for a bounded time."""
    waiting = getattr(_catch_up, "items", None)
    if not waiting:
        return 0
    _catch_up.items = []
    deadline = time.monotonic() + settings.RENDITIONS_CATCH_UP_SECONDS
    made = 0
    for image, specs in waiting:
        if time.monotonic() > deadline:
            logger.info("renditions left for a later visit: %s images", len(waiting) - made)
            break
        try:
            image.get_renditions(*specs)
        except Exception:  # noqa: BLE001 - a broken original: core.images leaves it out and says so
            continue
        made += 1
    return made
