"""Pages with inline rows (a centre's partners, the timeline's milestones, a publication's
authors, a session's speakers…) restored, published and compared from their history.

Wagtail stores each row of a revision with the id it had then. Three things follow:
- a row removed since is gone from the database, but an older revision still names its id:
  restored as it is, the row's hidden id fails validation, an error no field shows (« La page
  ne peut être enregistrée… », with nothing marked). `PageForm` takes such a row for what it
  now is, a new row holding the same values;
- a row added in a draft has no id in that revision, nor in the revisions made from it, even
  once published: every later edit deleted and re-created it under a new id. `record_row_ids`
  writes the ids the rows got into the revision that went live, so the next edits keep them;
- rows without an id in one of two revisions were compared by their values: « Groupe La Poste
  → AgroParisTech » for one partner removed and another added. `RowsComparison` only pairs
  rows that have the same id, or, lacking one, the same name.
The comparison also says « Oui » and « Non » where Wagtail printed Python's True and False.
"""

from __future__ import annotations

import json

from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from modelcluster.models import get_all_child_relations
from wagtail.admin.compare import ChildRelationComparison, FieldComparison
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page, Revision


def renew_stale_rows(page: Page) -> int:
    """Rows of `page` (as restored from a revision) whose id no longer belongs to one of its rows
    in the database lose that id, so that saving the page adds them again. Returns their number."""
    renewed = 0
    for relation in get_all_child_relations(page):
        rows = list(getattr(page, relation.get_accessor_name()).all())
        ids = {row.pk for row in rows if row.pk is not None}
        if not ids:
            continue
        existing = set()
        if page.pk:
            existing = set(
                relation.related_model.objects.filter(**{relation.field.name: page.pk, "pk__in": ids}).values_list(
                    "pk", flat=True
                )
            )
        for row in rows:
            if row.pk is not None and row.pk not in existing:
                row.pk = None
                renewed += 1
    return renewed


class PageForm(WagtailAdminPageForm):
    """Every page's edit form: a version restored from the history keeps every row it holds."""

    def __init__(self, *args, **kwargs) -> None:
        instance = kwargs.get("instance")
        if instance is not None:
            renew_stale_rows(instance)  # before the formsets read the rows
        super().__init__(*args, **kwargs)


def record_row_ids(sender, instance: Page, revision: Revision | None = None, **kwargs) -> None:
    """After a publish (`page_published`), the revision that went live learns the ids its new rows
    were given, as if they had been saved before it was made: each row without an id takes the
    id of the saved row that holds exactly its values."""
    if revision is None:
        return
    content = revision.content
    relations = {
        relation.get_accessor_name(): relation.field.name
        for relation in get_all_child_relations(instance)
        if any(row.get("pk") is None for row in content.get(relation.get_accessor_name()) or [])
    }
    if not relations:
        return
    saved = json.loads(json.dumps(instance.serializable_data(), cls=DjangoJSONEncoder))
    for name, parent in relations.items():
        taken = {row.get("pk") for row in content[name]}
        free = {row["pk"]: values_of(row, parent) for row in saved.get(name, []) if row["pk"] not in taken}
        for row in content[name]:
            if row.get("pk") is None:
                match = next((pk for pk, values in free.items() if values == values_of(row, parent)), None)
                if match is not None:
                    row["pk"] = match
                    del free[match]
    Revision.objects.filter(pk=revision.pk).update(content=content)


def values_of(row: dict, parent: str) -> dict:
    """A serialised row without what differs between a revision and the database: its id and its page."""
    return {key: value for key, value in row.items() if key not in ("pk", "id", parent)}


def row_name(row) -> str | None:
    """What staff call a row (its `str`: « Caisse des Dépôts », « 2006 – Création du RAMEAU »),
    or None when what it names is gone."""
    try:
        return str(row)
    except ObjectDoesNotExist:
        return None


class RowsComparison(ChildRelationComparison):
    """Pairs the rows of two versions by id, then rows lacking an id by name; any other row is
    shown as removed or added, never as one partner turned into another."""

    def get_mapping(self, objs_a: list, objs_b: list):
        map_forwards: dict[int, int] = {}
        map_backwards: dict[int, int] = {}
        for a_index, a_row in enumerate(objs_a):
            for b_index, b_row in enumerate(objs_b):
                if b_index not in map_backwards and a_row.pk is not None and a_row.pk == b_row.pk:
                    map_forwards[a_index], map_backwards[b_index] = b_index, a_index
                    break
        for a_index, a_row in enumerate(objs_a):
            if a_index in map_forwards:
                continue
            name = row_name(a_row)
            for b_index, b_row in enumerate(objs_b):
                if b_index in map_backwards or (a_row.pk is not None and b_row.pk is not None):
                    continue
                if name is not None and row_name(b_row) == name:
                    map_forwards[a_index], map_backwards[b_index] = b_index, a_index
                    break
        added = [index for index in range(len(objs_b)) if index not in map_backwards]
        deleted = [index for index in range(len(objs_a)) if index not in map_forwards]
        return map_forwards, map_backwards, added, deleted


class YesNoComparison(FieldComparison):
    """A checkbox compared in words: « Non → Oui », not « False → True »."""

    def __init__(self, field, obj_a, obj_b) -> None:
        super().__init__(field, obj_a, obj_b)
        self.val_a, self.val_b = yes_no(self.val_a), yes_no(self.val_b)

    def htmldiff(self) -> str:
        if self.val_a == self.val_b:
            return super().htmldiff()
        return format_html(
            '<span class="deletion">{}</span> → <span class="addition">{}</span>', self.val_a, self.val_b
        )


def yes_no(value: bool | None) -> str:
    return "Non renseigné" if value is None else ("Oui" if value else "Non")
