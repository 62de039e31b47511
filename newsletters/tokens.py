"""Signed links: a confirmation valid 7 days (TimestampSigner), and unsubscribe links that
never expire (a newsletter received years later must still let its reader leave).

A link carries ids only, never the address; its signature is the visitor's proof, so the
views need no login and no CSRF token.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing

CONFIRM_MAX_AGE = timedelta(days=7)
_confirm = signing.TimestampSigner(salt="rameau.newsletters.confirm")
_unsubscribe = signing.Signer(salt="rameau.newsletters.unsubscribe")
ALL_LISTS = 0


def confirm_token(subscriber_id: int, list_ids: list[int]) -> str:
    return _confirm.sign_object({"s": subscriber_id, "l": sorted(list_ids)})


def read_confirm_token(token: str) -> tuple[int, list[int]]:
    """(subscriber id, list ids); raises signing.SignatureExpired after 7 days, BadSignature if forged."""
    data = _confirm.unsign_object(token, max_age=CONFIRM_MAX_AGE)
    if not isinstance(data, dict):
        raise signing.BadSignature("unexpected content")
    subscriber, lists = data.get("s"), data.get("l")
    if not isinstance(subscriber, int) or not isinstance(lists, list) or not all(isinstance(n, int) for n in lists):
        raise signing.BadSignature("unexpected content")
    return subscriber, lists


def unsubscribe_token(subscriber_id: int, list_id: int = ALL_LISTS) -> str:
    """One list, or every list (« tout arrêter ») when list_id is ALL_LISTS."""
    return _unsubscribe.sign_object({"s": subscriber_id, "l": list_id})


def read_unsubscribe_token(token: str) -> tuple[int, int]:
    data = _unsubscribe.unsign_object(token)
    if not isinstance(data, dict) or not isinstance(data.get("s"), int) or not isinstance(data.get("l"), int):
        raise signing.BadSignature("unexpected content")
    return data["s"], data["l"]
