"""Work done once the answer has left: the visitor gets the same answer in the same time,
whatever that work turns out to be (an e-mail sent to a known address, nothing for an unknown one).

Django closes each response after the server has sent it and then sends `request_finished`; the
tasks queued during the request run there, in the same thread. Outside a request (a command,
a shell) a task runs at once. A failing task is logged; the answer has already gone.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from django.core.signals import request_finished, request_started

logger = logging.getLogger("rameau_site.security")
_state = threading.local()


def _open(**kwargs) -> None:
    _state.tasks = []


def _run(**kwargs) -> None:
    tasks, _state.tasks = getattr(_state, "tasks", None), None
    for task in tasks or ():
        try:
            task()
        except Exception:
            logger.exception("A task run after the response failed")


request_started.connect(_open, dispatch_uid="rameau_after_response_open")
request_finished.connect(_run, dispatch_uid="rameau_after_response_run")


def after_response(task: Callable[[], object]) -> None:
    """Run `task` once the current response has been sent (at once outside a request)."""
    tasks = getattr(_state, "tasks", None)
    if tasks is None:
        task()
    else:
        tasks.append(task)
