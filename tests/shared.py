"""Data a whole test module shares, for the factories' heavier builds (a catalogue, a set of
centres…) that dozens of tests read and none may keep.

The module's data is made in a transaction, which the module's end rolls back. Each test
runs, as pytest-django runs it, in its own savepoint inside that transaction: what a test
changes is undone before the next one, which finds the shared data as it was built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from django.db import transaction

T = TypeVar("T")


def shared_by_the_module(django_db_blocker, build: Callable[[], T]) -> Iterator[T]:
    """For a module-scoped fixture: `yield from shared_by_the_module(django_db_blocker, build)`."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build()
        transaction.set_rollback(True)
