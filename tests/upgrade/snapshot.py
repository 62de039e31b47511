"""What visitors and staff would find, as JSON (path in UPGRADE_SNAPSHOT): each live page
as a visitor gets it, and the records staff made. Run by `manage.py shell < snapshot.py`,
with the code from before the split and with today's."""

import json
import os
import re
from html import unescape

from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState


def model(name: str):
    """A model by class name, whichever app holds it (before or after a move)."""
    return next(candidate for candidate in apps.get_models() if candidate.__name__ == name)


def main_text(markup: str) -> str:
    """The words of <main>, as a screen reader reads them: markup, tokens and nonces left out."""
    match = re.search(r"<main\b.*?</main>", markup, re.S)
    text = re.sub(r"<[^>]+>", " ", match.group(0) if match else "")
    return " ".join(unescape(text).split())


client = Client()
pages = {}
for page in Page.objects.live().public().specific().order_by("path"):
    url = page.get_url()
    if not url:
        continue
    response = client.get(url)
    pages[url] = {
        "type": type(page).__name__,
        "title": page.title,
        "status": response.status_code,
        "text": main_text(response.content.decode()) if response.status_code == 200 else "",
    }

snapshot = {
    "pages": pages,
    "types": {str(page.pk): type(page).__name__ for page in Page.objects.specific().order_by("pk")},
    "revisions": {
        str(page_id): sorted(Revision.page_revisions.filter(object_id=str(page_id)).values_list("pk", flat=True))
        for page_id in Page.objects.values_list("pk", flat=True)
    },
    "drafts": sorted(
        [page.title, page.get_latest_revision_as_object().summary]
        for page in model("ProgrammePage").objects.filter(has_unpublished_changes=True)
    ),
    "log_entries": PageLogEntry.objects.count(),
    "messages": sorted([item.email, item.subject, item.form_data] for item in model("ContactSubmission").objects.all()),
    "subscriptions": sorted(
        [item.subscriber.email, item.newsletter.name, item.status, item.consent_text]
        for item in model("Subscription").objects.select_related("subscriber", "newsletter")
    ),
    "authors": sorted(
        [author.page.title, author.last_name, author.person.title]
        for author in model("PublicationAuthor").objects.filter(person__isnull=False).select_related("page", "person")
    ),
    "workflows": sorted(
        [state.content_object.title, state.status, state.current_task_state.task.name]
        for state in WorkflowState.objects.filter(status="in_progress")
    ),
    "groups": {
        group.name: sorted(f"{p.content_type.model}.{p.codename}" for p in group.permissions.all())
        for group in Group.objects.order_by("name")
    },
}
with open(os.environ["UPGRADE_SNAPSHOT"], "w") as out:
    json.dump(snapshot, out, ensure_ascii=False, indent=1, sort_keys=True, default=str)
