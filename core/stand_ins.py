"""Stand-ins: pictures and files that take the place of the real ones until staff have them.

A demo cover, an illustration drawn by the demo, a PDF that is not the publication: each lives
in the Wagtail collection « Fichiers provisoires » (or one below it), so staff see it for what
it is in the media library, and pages/stand_ins.py lists those in use (Rapports › Fichiers
provisoires, `manage.py check_media`) and takes a file out once its real one is uploaded.
Visitors are told too: a picture carries « Visuel provisoire » (core/templatetags/media_tags.py),
a document is never offered as the work (core/documents.py), a partner's logo gives way to its name.
"""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Collection

from caching.data import remember

STAND_IN_COLLECTION = "Fichiers provisoires"
#: What a visitor reads on or beside a stand-in picture.
STAND_IN_LABEL = "Visuel provisoire"


def stand_in_collection() -> Collection:
    """The collection of stand-ins, made under the root collection the first time it is needed."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=STAND_IN_COLLECTION).first()
    return existing or root.add_child(name=STAND_IN_COLLECTION)


def stand_in_collection_ids(request: HttpRequest | None = None) -> frozenset[int]:
    """The stand-ins' collection and those below it, read once per content version."""

    def build() -> frozenset[int]:
        ids: set[int] = set()
        for collection in Collection.objects.filter(name=STAND_IN_COLLECTION, depth=2):
            ids.update(Collection.get_tree(collection).values_list("pk", flat=True))
        return frozenset(ids)

    return remember(request, "stand-in-collections", build, immutable=True)


def is_stand_in(item, request: HttpRequest | None = None) -> bool:
    """True for an image or a document that only stands in for the real one."""
    collection_id = getattr(item, "collection_id", None)
    return collection_id is not None and collection_id in stand_in_collection_ids(request)
