"""What staff see in the admin of the upgraded copy, run by `manage.py shell` in a process of
its own: a test process that served another database keeps content-type ids in caches of its
own (Wagtail's form types among them), which a production server never has.

Each moved page type is listed and opened; the waiting draft, the contact message and the
subscriber are found; a snippet is edited; the change waiting in the workflow is approved.
Prints « checked » when everything held; a failed check ends the process with its traceback.
"""

import os
from html import unescape

from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page, TaskState

from tests.clients import StaffClient
from tests.upgrade.moved import MOVED_PAGE_TYPES

staff = StaffClient()
staff.force_login(get_user_model().objects.get(username=os.environ["UPGRADE_STAFF"]))
for app_label, names in MOVED_PAGE_TYPES.items():
    for name in names:
        page = apps.get_model(app_label, name).objects.live().order_by("path").first()
        listing = staff.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
        assert listing.status_code == 200 and page.title in unescape(listing.content.decode()), name
        editor = staff.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert editor.status_code == 200 and page.title in unescape(editor.content.decode()), name

programme = apps.get_model("programmes", "ProgrammePage").objects.filter(has_unpublished_changes=True).get()
editor = unescape(staff.get(reverse("wagtailadmin_pages:edit", args=[programme.pk])).content.decode())
assert "Résumé en brouillon, saisi avant la migration." in editor

contact = apps.get_model("contact", "ContactPage").objects.live().get()
messages = staff.get(reverse("wagtailforms:list_submissions", args=[contact.pk]))
assert messages.status_code == 200 and "camille@example.org" in messages.content.decode(), messages.status_code
found = staff.get(reverse("personal_data"), {"courriel": "abonnee@example.org"}).content.decode()
assert "abonnee@example.org" in found and "confirmée" in found
newsletter = apps.get_model("newsletters", "NewsletterList").objects.order_by("sort_order").first()
response = staff.post(
    reverse("wagtailsnippets_newsletters_newsletterlist:edit", args=[newsletter.pk]),
    {"name": newsletter.name + " (revue)", "description": newsletter.description, "active": "on", "sort_order": 0},
)
assert response.status_code == 302, response.status_code
assert apps.get_model("newsletters", "NewsletterList").objects.filter(name=newsletter.name + " (revue)").exists()

# The change waiting in the workflow is approved with the site's own task, now in security.
task_state = TaskState.objects.get(status="in_progress")
assert type(task_state.task.specific).__name__ == "ModerationTask"
assert task_state.task.specific._meta.app_label == "security"
page = Page.objects.get(pk=task_state.workflow_state.object_id)
response = staff.post(
    reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {"comment": ""}
)
assert response.status_code in (200, 302), response.status_code
person = apps.get_model("people", "PersonPage").objects.get(pk=page.pk)
assert person.live and person.role == "Fonction soumise à la relecture"
print("checked")
