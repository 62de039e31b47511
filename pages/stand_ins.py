"""What staff do with stand-ins (core/stand_ins.py): find every one still in use, and see a
stand-in become the real thing when they upload the real file over it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Model
from django.db.models.signals import pre_save
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex

from core.stand_ins import STAND_IN_COLLECTION, is_stand_in, stand_in_collection_ids


def _real_file_uploaded(sender, instance, raw: bool = False, **kwargs) -> None:
    """A stand-in whose file is replaced (another file, or another hash) is the real one from
    now on: it leaves the stand-ins' collection for their parent. A file saved outside the
    admin may have no hash yet, so its name counts too."""
    if raw or instance.pk is None or not is_stand_in(instance):
        return
    stored = sender.objects.filter(pk=instance.pk).values_list("file", "file_hash").first()
    if stored is None:
        return
    stored_name, stored_hash = stored
    new_file = stored_name != instance.file.name
    new_hash = bool(stored_hash and instance.file_hash and stored_hash != instance.file_hash)
    if new_file or new_hash:
        instance.collection = Collection.objects.get(pk=instance.collection_id).get_parent()
        if instance.collection.pk in stand_in_collection_ids():  # a sub-collection of stand-ins
            instance.collection = Collection.get_first_root_node()


def connect() -> None:
    """Called once from the pages app's ready()."""
    for model in (get_image_model(), get_document_model()):
        pre_save.connect(_real_file_uploaded, sender=model, dispatch_uid=f"rameau-stand-in-{model._meta.label}")


@dataclass(frozen=True)
class Use:
    """Where a stand-in is used: a page (live or draft), a snippet, the site settings…"""

    label: str
    live: bool
    edit_url: str = ""


@dataclass(frozen=True)
class StandIn:
    item: Model
    kind: str  # « Image », « Document »
    uses: tuple[Use, ...]

    @property
    def title(self) -> str:
        return self.item.title

    @property
    def live(self) -> bool:
        """Seen by visitors: on a live page, or on something that is always shown (a snippet)."""
        return any(use.live for use in self.uses)

    @property
    def state(self) -> str:
        """The report's « État » column, on screen and in the export."""
        return "Vu sur le site" if self.live else "Hors ligne"

    @property
    def where(self) -> str:
        return " ; ".join(use.label for use in self.uses) or "nulle part (peut être supprimé)"


def _use(source: Model) -> Use:
    """How the report names what uses a stand-in (Wagtail's reference index gives the source)."""
    if isinstance(source, Page):
        kind = source.specific_class._meta.verbose_name if source.specific_class else "page"
        state = "" if source.live else " (brouillon)"
        edit_url = reverse("wagtailadmin_pages:edit", args=[source.pk])
        return Use(f"{kind[:1].upper()}{kind[1:]} « {source.title} »{state}", source.live, edit_url)
    viewset = getattr(source, "snippet_viewset", None)
    edit_url = reverse(viewset.get_url_name("edit"), args=[source.pk]) if viewset else ""
    return Use(f"{source._meta.verbose_name[:1].upper()}{source._meta.verbose_name[1:]} « {source} »", True, edit_url)


def stand_ins() -> list[StandIn]:
    """Every image and document among the stand-ins, with what uses it: those still shown to
    visitors first (staff replace them before going live), then by kind and title."""
    found = []
    ids = stand_in_collection_ids()
    for kind, model in (("Image", get_image_model()), ("Document", get_document_model())):
        for item in model.objects.filter(collection_id__in=ids).order_by("title", "pk"):
            uses = tuple(_use(source) for source, _references in ReferenceIndex.get_grouped_references_to(item))
            found.append(StandIn(item, kind, uses))
    return sorted(found, key=lambda stand_in: not stand_in.live)


def report(write) -> int:
    """`manage.py check_media`'s lines about the stand-ins (core.files.MEDIA_REPORTS_HOOK); the
    number still shown to visitors."""
    found = stand_ins()
    live = [stand_in for stand_in in found if stand_in.live]
    if found:
        write(
            f"Fichiers provisoires (collection « {STAND_IN_COLLECTION} ») : {len(found)}, "
            f"dont {len(live)} encore utilisé(s) sur le site, à remplacer avant la mise en ligne."
        )
    for stand_in in found:
        state = "en ligne" if stand_in.live else "hors ligne"
        write(f"  {stand_in.kind} {stand_in.item.pk} « {stand_in.title} » ({state}) : {stand_in.where}")
    return len(live)
