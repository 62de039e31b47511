"""The import itself: read the export, bring in the files, place and write the pages, make the
redirects; one line of report per item. Everything happens in one transaction: a dry run
rolls it back (and removes the files it wrote), and so does anything unforeseen.

Each item has its own savepoint, so one that fails is reported and leaves nothing behind,
while the others import. Every object remembers its WordPress id (ImportedItem): a second
run changes nothing, a newer export updates what changed, and what staff have edited or
deleted since is left as they made it.
"""

from __future__ import annotations

import html
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry, Site

from caching import version
from core import pdftext
from pages.models import Theme
from publications.models import NewsIndexPage, PublicationIndexPage, PublicationType

from . import wxr
from .attachments import Library, Refused, Uploads, fingerprint, kind_of, relative_path
from .content import Converter
from .indexing import index_once, indexes_paused
from .links import Addresses, Target, path_key
from .mapping import Rule, load, page_at
from .models import ImportedItem
from .pages import MODELS, PageWriter, Placement, folded, is_public, slug_of
from .redirects import Redirects, item_paths

logger = logging.getLogger(__name__)
STATUSES = ("created", "updated", "unchanged", "skipped", "error")
TECHNICAL = "réglage ou donnée technique de WordPress, non repris"
SKIPPED_TYPES = {
    "nav_menu_item": "élément de menu : les menus se refont dans Paramètres › Navigation",
    "wp_block": "bloc réutilisable : repris dans les textes qui l'utilisent",
    "revision": "ancienne version d'un contenu, non reprise",
}
SKIPPED_STATUSES = {"trash": "à la corbeille sur WordPress", "auto-draft": "brouillon automatique de WordPress, vide"}
#: What staff did to a page in the admin without a new revision (Wagtail's history), as the
#: report says it; any other action by a person reads « modifiée ».
STAFF_ACTIONS = {
    "wagtail.unpublish": "dépubliée",
    "wagtail.move": "déplacée",
    "wagtail.reorder": "déplacée parmi ses voisines",
    "wagtail.lock": "verrouillée",
    "wagtail.view_restriction.create": "mise en accès restreint",
    "wagtail.view_restriction.edit": "mise en accès restreint",
    "wagtail.view_restriction.delete": "rendue publique",
    "wagtail.schedule.cancel": "déprogrammée",
}
Progress = Callable[[str, int, int], None]


class ImportRefused(Exception):
    """The import cannot start (no site, no news section…): nothing was written."""


@dataclass
class Row:
    wp_id: int | str
    post_type: str
    old_url: str
    new_url: str = ""
    status: str = ""
    message: str = ""

    def say(self, *notes: str) -> None:
        self.message = " ; ".join(part for part in (self.message, *notes) if part)


@dataclass
class Task:
    """A post or page to write: a new one (placement) or one imported before."""

    item: wxr.Item
    rule: Rule
    page: Page | None = None
    placement: Placement | None = None


class Importer:
    def __init__(
        self,
        export: Path,
        uploads: Path,
        mapping: Path | None = None,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> None:
        self.path, self.uploads, self.mapping_path, self.dry_run = export, Uploads(uploads), mapping, dry_run
        self.progress = progress or (lambda phase, done, total: None)
        self.rows: dict[int | str, Row] = {}
        self.tasks: dict[int, Task] = {}
        self.files: dict[int, tuple[str, list[str]]] = {}
        self.attached: dict[int, list[tuple[str, int]]] = defaultdict(list)  # parent -> (kind, wp_id)
        self.fresh: set[int] = set()  # what this run wrote or recorded: its redirects are made
        self.written: dict[str, set[int]] = defaultdict(set)  # "page", "image", "document" -> ids saved

    def run(self) -> list[Row]:
        self.export = wxr.scan(self.path)  # a malformed file stops here, before anything is written
        self.site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if self.site is None:
            raise ImportRefused("Aucun site Wagtail par défaut : créez-le (Paramètres › Sites) avant l'import.")
        self.mapping = load(self.mapping_path, self.site)
        library = None
        try:
            with transaction.atomic():
                # Thousands of saves, one content change: the version is bumped once, at the end.
                with version.deferred():
                    library = Library()
                    self.library = library
                    records = ImportedItem.objects.select_related("page", "image", "document")
                    records = records.prefetch_related("image__tags", "document__tags")  # their fingerprints
                    self.records = {record.wp_id: record for record in records}
                    # One PDF reader for every document; a page is saved three times: the
                    # search and reference indexes are filled once, after.
                    with pdftext.reusing_reader(), indexes_paused():
                        self.index()
                        self.import_attachments()
                        self.plan_pages()
                        self.write_pages()
                    index_once(*(self.written[kind] for kind in ("page", "image", "document")))
                    self.make_redirects()
                if self.dry_run:
                    transaction.set_rollback(True)
        except BaseException:
            if library is not None:
                library.take_back()
            raise
        if self.dry_run:
            library.take_back()
        return list(self.rows.values())

    # Reading --------------------------------------------------------------------------------

    def row(self, item: wxr.Item) -> Row:
        key = item.wp_id if item.wp_id is not None else f"?{len(self.rows)}"
        return self.rows.setdefault(key, Row(item.wp_id or "", item.post_type, item.link or item.guid))

    def index(self) -> None:
        self.addresses = Addresses(self.export.site_url)
        for item in self.export.broken:
            row = self.row(item)
            row.status = "error"
            row.say("élément sans identifiant WordPress, non repris")
        for item in self.export.items.values():
            upload = relative_path(item) if item.post_type == "attachment" else ""
            self.addresses.remember(item.wp_id, item.link, upload)
            if upload:
                self.addresses.remember(item.wp_id, item.attachment_url)
                try:
                    self.attached[item.parent].append((kind_of(upload), item.wp_id))
                except Refused:
                    pass
        reusable = {wp_id: item.content for wp_id, item in self.export.items.items() if item.post_type == "wp_block"}
        self.converter = Converter(self.addresses, reusable, lambda wp_id: self.attached_of(wp_id, "image"))
        self.writer = PageWriter(
            self.export, self.mapping, self.addresses, lambda wp_id: self.attached_of(wp_id, "document")
        )

    def attached_of(self, wp_id: int, kind: str) -> list[int]:
        """The images attached to a post (WordPress ids, for a gallery without ids), or its
        documents (as imported, for a publication's file)."""
        found = []
        for child_kind, child in self.attached[wp_id]:
            target = self.addresses.targets.get(child)
            if child_kind == kind and target is not None:
                found.append(child if kind == "image" else target.pk)
        return found

    # Attachments ----------------------------------------------------------------------------

    def import_attachments(self) -> None:
        items = [item for item in self.export.items.values() if item.post_type == "attachment"]
        for done, item in enumerate(items, start=1):
            row = self.row(item)
            if item.wp_id in self.mapping.skip:
                row.status, row.message = "skipped", "écarté par le fichier de correspondances"
            else:
                savepoint = transaction.savepoint()
                try:
                    self.attachment(item, row)
                    transaction.savepoint_commit(savepoint)
                except Refused as refusal:
                    transaction.savepoint_rollback(savepoint)
                    row.status = "error"
                    row.say(str(refusal))
            self.progress("Fichiers", done, len(items))

    def attachment(self, item: wxr.Item, row: Row) -> None:
        relative = relative_path(item)
        kind = kind_of(relative or item.attachment_url)
        title = html.unescape(item.title).strip() or Path(relative).name
        alt = html.unescape(item.meta.get("_wp_attachment_image_alt", "")).strip()
        record = self.records.get(item.wp_id)
        obj = (record.image or record.document) if record else None
        try:
            path = self.uploads.locate(relative)
            self.files[item.wp_id] = (relative, self.uploads.variants(path))
        except Refused:
            if obj is None:
                raise
            path = None
        if record is not None and obj is None:
            row.status, row.message = "skipped", "supprimé par l'équipe depuis l'import : non recréé"
            return
        if record is not None and record.was_created and record.fingerprint != fingerprint(obj):
            row.status, row.message = "skipped", "modifié par l'équipe depuis l'import : gardé tel quel"
        elif record is not None and (record.source_hash == item.digest or not record.was_created or path is None):
            row.status = "unchanged"
        else:
            stored = self.library.store(kind, path, title, alt, existing=obj)
            self.fresh.add(item.wp_id)
            obj = stored.obj
            if stored.outcome != "reused":
                self.written[kind].add(obj.pk)
            row.status = {"reused": "unchanged"}.get(stored.outcome, stored.outcome)
            row.say(stored.note)
            outcome = ImportedItem.REUSED if stored.outcome == "reused" else ImportedItem.CREATED
            ImportedItem.objects.update_or_create(
                wp_id=item.wp_id,
                defaults={
                    "post_type": item.post_type,
                    "old_url": item.attachment_url[:500],
                    "outcome": outcome if record is None else record.outcome,
                    kind: obj,
                    "source_hash": item.digest,
                    "fingerprint": fingerprint(obj),
                },
            )
        url = obj.file.url if kind == "image" else obj.url
        self.addresses.targets[item.wp_id] = Target(kind, obj.pk, url, getattr(obj, "description", ""))
        row.new_url = url

    # Posts and pages ------------------------------------------------------------------------

    def skip_reason(self, item: wxr.Item) -> str:
        if item.wp_id in self.mapping.skip:
            return "écarté par le fichier de correspondances"
        if item.status in SKIPPED_STATUSES:
            return SKIPPED_STATUSES[item.status]
        if item.post_type in SKIPPED_TYPES:
            return SKIPPED_TYPES[item.post_type]
        if item.post_type not in ("post", "page") and item.post_type not in self.mapping.post_types:
            return f"type « {item.post_type} » non repris (à déclarer dans --mapping, [post_types.{item.post_type}])"
        return ""

    def rule_for(self, item: wxr.Item) -> Rule:
        for slug, _ in item.categories():
            if slug in self.mapping.categories:
                return self.mapping.categories[slug]
        default = Rule(type="news" if item.post_type == "post" else "page")
        return self.mapping.post_types.get(item.post_type, default)

    def existing_match(self, item: wxr.Item) -> Page | None:
        """The page of the new site an old page stands for: named in --mapping, or at the same
        address, or (for a page) the only one with its slug."""
        found = self.addresses.internal_path(item.link) if item.link else None
        if found and path_key(found[0]) in self.mapping.existing:
            return self.mapping.existing[path_key(found[0])]
        if item.post_type != "page":
            return None
        if found and found[0] != "/" and not found[1]:
            page = page_at(self.site, found[0])
            if page is not None:
                return page
        candidates = Page.objects.descendant_of(self.site.root_page, inclusive=True).filter(slug=slug_of(item))[:2]
        return candidates[0] if len(candidates) == 1 else None

    def staff_actions(self) -> dict[int, str]:
        """The pages the import created that a person has acted on in the admin since (their
        history: an unpublication or a move makes no revision), with the latest such action."""
        pages = [record.page_id for record in self.records.values() if record.page_id and record.was_created]
        entries = PageLogEntry.objects.filter(page_id__in=pages, user__isnull=False).order_by("timestamp", "pk")
        return dict(entries.values_list("page_id", "action"))

    def plan_pages(self) -> None:
        self.acted = self.staff_actions()
        for item in self.export.items.values():
            if item.post_type == "attachment":
                continue
            row = self.row(item)
            if reason := self.skip_reason(item):
                row.status, row.message = "skipped", reason
                continue
            record = self.records.get(item.wp_id)
            if record is not None:
                self.planned_again(item, record, row)
                continue
            existing = self.existing_match(item)
            if existing is not None:
                self.target(item, existing)
                self.fresh.add(item.wp_id)
                row.status = "created"
                row.say(f"aucune page créée : l'ancienne adresse mène à la page existante « {existing.title} »")
                ImportedItem.objects.create(
                    wp_id=item.wp_id,
                    post_type=item.post_type,
                    old_url=item.link[:500],
                    outcome=ImportedItem.MATCHED,
                    page=existing,
                    source_hash=item.digest,
                )
                continue
            self.tasks[item.wp_id] = Task(item, self.rule_for(item))
        self.place_new_pages()

    def planned_again(self, item: wxr.Item, record: ImportedItem, row: Row) -> None:
        page = record.page
        if page is None:
            row.status, row.message = "skipped", "supprimée par l'équipe depuis l'import : non recréée"
        elif not record.was_created:
            self.target(item, page)
            row.status = "unchanged"
        elif page.latest_revision_id != record.revision_id:
            self.target(item, page)
            row.status = "skipped"
            row.message = "modifiée par l'équipe depuis l'import : gardée telle quelle (l'export n'est pas repris)"
        elif page.pk in self.acted:
            self.target(item, page)
            done = STAFF_ACTIONS.get(self.acted[page.pk], "modifiée")
            row.status = "skipped"
            row.message = f"{done} par l'équipe depuis l'import : gardée telle quelle (l'export n'est pas repris)"
        elif record.source_hash == item.digest:
            self.target(item, page)
            row.status = "unchanged"
        else:
            page = page.specific
            self.target(item, page)
            self.tasks[item.wp_id] = Task(item, self.rule_for(item), page=page)

    def target(self, item: wxr.Item, page: Page) -> None:
        self.addresses.targets[item.wp_id] = Target("page", page.pk, page.url or "")

    def default_parent(self, item: wxr.Item, rule: Rule) -> Page | None:
        if rule.parent is not None:
            return rule.parent
        if rule.type == "page":
            parent_task = self.tasks.get(item.parent)
            if parent_task is not None and parent_task.page is not None:
                return parent_task.page
            if item.parent and item.parent in self.addresses.targets:
                return Page.objects.get(pk=self.addresses.targets[item.parent].pk)
            return self.mapping.pages_parent or self.site.root_page
        if rule.type == "publication":
            return PublicationIndexPage.objects.descendant_of(self.site.root_page).first()
        return self.mapping.posts_parent or NewsIndexPage.objects.descendant_of(self.site.root_page).first()

    def place_new_pages(self) -> None:
        """New pages, parents first, each still empty: every link target then exists."""

        def depth(task: Task) -> int:
            level, parent, seen = 0, task.item.parent, set()
            while parent in self.tasks and parent not in seen:
                seen.add(parent)
                level, parent = level + 1, self.tasks[parent].item.parent
            return level

        new = sorted((task for task in self.tasks.values() if task.page is None), key=depth)
        for task in new:
            row = self.row(task.item)
            model = MODELS[task.rule.type]
            parent = self.default_parent(task.item, task.rule)
            orphan = (
                task.item.parent
                and task.item.parent not in self.tasks
                and task.item.parent not in self.addresses.targets
            )
            if task.rule.type == "page" and orphan:
                row.say(f"page parente (WordPress {task.item.parent}) non reprise : rangée à l'endroit par défaut")
            if parent is not None and not model.can_create_at(parent.specific):
                fallback = Rule(type=task.rule.type)
                row.say(f"« {parent.title} » n'accepte pas ce type de page : rangée à l'endroit par défaut")
                parent = self.default_parent(task.item, fallback) if task.rule.parent is None else None
            if parent is None or not model.can_create_at(parent.specific):
                row.status = "error"
                row.say(
                    f"aucun endroit où créer une page « {model._meta.verbose_name} » : indiquez un parent dans --mapping"
                )
                continue
            try:
                with transaction.atomic():
                    task.page = self.writer.place(task.item, Placement(task.rule, model, parent.specific))
            except ValidationError as error:
                row.status = "error"
                row.say("page refusée : " + " ".join(error.messages))
                continue
            task.placement = Placement(task.rule, model, parent)
            row.say(self.writer.renamed(task.item, task.page))
            self.target(task.item, task.page)

    def write_pages(self) -> None:
        tasks = {wp_id: task for wp_id, task in self.tasks.items() if task.page is not None}
        for done, item in enumerate(wxr.contents(self.path, tasks), start=1):
            task = tasks[item.wp_id]
            task.item = item
            row = self.row(item)
            savepoint = transaction.savepoint()
            try:
                body = self.converter.convert(item.content, item.wp_id)
                notes = list(body.notes)
                revision = self.writer.write(task.page, item, task.rule, body, notes)
                ImportedItem.objects.update_or_create(
                    wp_id=item.wp_id,
                    defaults={
                        "post_type": item.post_type,
                        "old_url": item.link[:500],
                        "outcome": ImportedItem.CREATED,
                        "page": task.page,
                        "revision": revision,
                        "source_hash": item.digest,
                    },
                )
                transaction.savepoint_commit(savepoint)
                self.fresh.add(item.wp_id)
                self.written["page"].add(task.page.pk)
                row.status = "created" if task.placement is not None else "updated"
                row.say(*notes)
            except Exception as error:  # one item's failure is reported; the others import
                transaction.savepoint_rollback(savepoint)
                logger.exception("WordPress item %s not imported", item.wp_id)
                self.forget(task)
                row.status = "error"
                detail = (
                    " ".join(error.messages)
                    if isinstance(error, ValidationError)
                    else f"{error.__class__.__name__}: {error}"
                )
                row.say(f"non importé : {detail}")
            self.progress("Pages", done, len(tasks))

    def forget(self, task: Task) -> None:
        """A page placed by this run whose text could not be written goes, with its address."""
        self.addresses.targets.pop(task.item.wp_id, None)
        if task.placement is not None:
            task.page.delete()
            task.page = None

    # Redirects ------------------------------------------------------------------------------

    def make_redirects(self) -> None:
        """Redirects for what this run brought in (an item left unchanged keeps its redirects
        as staff have them), then the archives."""
        redirects = Redirects(self.site)
        pages = [target.pk for target in self.addresses.targets.values() if target.kind == "page"]
        live = set(Page.objects.filter(pk__in=pages, live=True).values_list("pk", flat=True))
        items = list(self.export.items.values())
        for done, item in enumerate(items, start=1):
            target = self.addresses.targets.get(item.wp_id)
            if target is None:
                continue
            row = self.rows[item.wp_id]
            if target.kind == "page":
                shown = target.pk in live
                row.new_url = target.url if shown else reverse("wagtailadmin_pages:edit", args=[target.pk])
                page_id, link = target.pk, ""
            else:
                page_id, link = None, target.url
                row.new_url = (
                    target.url if target.kind == "document" else reverse("wagtailimages:edit", args=[target.pk])
                )
            if item.wp_id not in self.fresh or (target.kind == "page" and not is_public(item)):
                continue
            relative, variants = self.files.get(item.wp_id, ("", []))
            made = [
                redirects.ensure(path, page_id, link) for path in item_paths(item, self.addresses, relative, variants)
            ]
            created = sum(1 for status, _ in made if status == "created")
            if created:
                row.say(f"{created} redirection{'s' if created > 1 else ''} créée{'s' if created > 1 else ''}")
            row.say(*(note for _, note in made if note))
            self.progress("Redirections", done, len(items))
        self.archives(redirects)
        redirects.save()

    def archives(self, redirects: Redirects) -> None:
        """Category and tag archives, and the feed, to the listing that now shows the same."""
        root = self.site.root_page
        news = self.mapping.posts_parent or NewsIndexPage.objects.descendant_of(root).first()
        library = PublicationIndexPage.objects.descendant_of(root).live().first()
        themes = {folded(theme.name): theme.slug for theme in Theme.objects.all()}
        types = {folded(kind.name): kind.slug for kind in PublicationType.objects.all()}
        base, site_url = self.addresses.base_path, self.export.site_url.rstrip("/")
        entries = []
        for slug, term in self.export.categories.items():
            rule = self.mapping.categories.get(slug)
            if rule is not None and rule.type == "publication" and library is not None:
                target = library.url + (f"?type={rule.publication_type}" if rule.publication_type else "")
            elif rule is not None and rule.parent is not None:
                target = rule.parent.url
            elif library is not None and folded(term.name) in themes:
                target = f"{library.url}?theme={themes[folded(term.name)]}"
            elif library is not None and folded(term.name) in types:
                target = f"{library.url}?type={types[folded(term.name)]}"
            else:
                target = news.url if news is not None else ""
            paths = [f"{base}/category/{self.export.category_path(slug)}/", f"{base}/?cat={term.term_id}"]
            entries.append((f"category:{slug}", term.term_id, "category", paths, target))
        for slug, term in self.export.tags.items():
            theme = themes.get(folded(term.name)) or (slug if slug in themes.values() else "")
            target = f"{library.url}?theme={theme}" if theme and library is not None else ""
            entries.append(
                (f"tag:{slug}", term.term_id, "post_tag", [f"{base}/tag/{slug}/", f"{base}/?tag={slug}"], target)
            )
        if news is not None:
            entries.append(("feed", "", "feed", [f"{base}/feed/"], f"{news.url}flux.xml"))
        for key, wp_id, kind, paths, target in entries:
            row = self.rows.setdefault(key, Row(wp_id, kind, site_url + paths[0], target))
            if not target:
                row.status, row.message = (
                    "skipped",
                    "aucune liste correspondante sur le nouveau site : pas de redirection",
                )
                continue
            made = [redirects.ensure(Redirect.normalise_path(path), None, target) for path in paths]
            statuses = {status for status, _ in made}
            row.status = "created" if "created" in statuses else "unchanged"
            row.say(*(note for _, note in made if note))
