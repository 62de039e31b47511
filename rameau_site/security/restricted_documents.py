"""Documents in a private collection stay private, whoever edits the library.

Editors may change any document's title or file (Wagtail ties that right to the whole
collection tree), but a collection restricted to some groups (Paramètres › Collections ›
« Confidentialité ») holds what they may not read. So, for anyone the restriction does not
let through (superusers always pass):
- a restricted document's edit and delete screens are refused (403), and a bulk action
  naming it does nothing and says why;
- no document moves into or out of a restricted collection (the form says why).
The file's own address is already refused by Wagtail to those who do not pass (serve view).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import redirect
from wagtail.models import BaseViewRestriction, Collection

MOVE_REFUSED = (
    "« %(collection)s » est une collection privée : seules les personnes qui peuvent la consulter y "
    "placent ou en retirent des documents. Demandez-le à un modérateur."
)


def passes(user, collection: Collection | None) -> bool:
    """Whether `user` may read what this collection (or one above it) restricts."""
    if collection is None or user.is_superuser:
        return True
    for restriction in collection.get_view_restrictions():
        if restriction.restriction_type == BaseViewRestriction.GROUPS:
            if not set(restriction.groups.values_list("pk", flat=True)) & set(user.groups.values_list("pk", flat=True)):
                return False
        elif restriction.restriction_type == BaseViewRestriction.PASSWORD:
            return False  # a shared password is for visitors; staff move such files as superusers
        elif not user.is_authenticated:
            return False
    return True


def is_restricted(collection: Collection | None) -> bool:
    return collection is not None and collection.get_view_restrictions().exists()


def refused_move(user, before: Collection | None, after: Collection | None) -> Collection | None:
    """The restricted collection a move crosses without its reader's right, or None."""
    if before == after:
        return None
    for collection in (before, after):
        if is_restricted(collection) and not passes(user, collection):
            return collection
    return None


def refuse_restricted_document(request: HttpRequest, kwargs: dict) -> None:
    """View guard (view_guards.py) of a document's edit and delete screens."""
    from wagtail.documents import get_document_model

    document_id = kwargs.get("document_id") or kwargs.get("doc_id")
    document = get_document_model().objects.filter(pk=document_id).select_related("collection").first()
    if document is not None and not passes(request.user, document.collection):
        raise PermissionDenied


def refuse_bulk_actions_on_restricted_documents(request, action_type, objects, action_class_instance):
    """`before_bulk_action` hook: a bulk action naming a document of a private collection the
    user may not read, or moving documents into one, does nothing and says why."""
    from wagtail.documents import get_document_model

    documents = [item for item in objects if isinstance(item, get_document_model())]
    if not documents:
        return None
    crossed = next((item.collection for item in documents if not passes(request.user, item.collection)), None)
    if crossed is None and action_type == "add_to_collection":
        target = Collection.objects.filter(pk=request.POST.get("collection") or None).first()
        crossed = target if is_restricted(target) and not passes(request.user, target) else None
    if crossed is None:
        return None
    messages.error(request, MOVE_REFUSED % {"collection": crossed.name})
    return redirect(action_class_instance.next_url)
