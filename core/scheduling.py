"""« Programmer » in a page's status panel, made plain.

In Wagtail's dialog, Escape (pressed to close the date picker) closes the whole dialog, and
closing it empties the dates; « Enregistrer la programmation » then saves a draft with no
schedule, which only the status line shows. `static/js/admin/schedule-dialog.js` makes
Escape close the picker alone and tells the server which button saved; after such a save,
the page says in words what was, or was not, scheduled.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from wagtail.models import Page

from .french_dates import format_date, format_time

#: Posted with the form when « Enregistrer la programmation » saved it.
SCHEDULE_SAVE_FIELD = "schedule-dialog-save"
NOTHING_SCHEDULED = (
    "Rien n'a été programmé : la date de publication était vide. La page est enregistrée en "
    "brouillon, sans programmation. Rouvrez « Programmer », saisissez la date (sans appuyer sur "
    "Échap, qui referme la fenêtre), puis « Enregistrer la programmation »."
)
SCHEDULE_SAVED = (
    "Programmation enregistrée : {dates}. Elle ne prend effet qu'avec « Programmer pour "
    "publication », dans le menu des actions en bas de l'écran."
)


def when(moment) -> str:
    local = timezone.localtime(moment)
    return f"le {format_date(local.date())} à {format_time(local.time())}"


def say_what_was_scheduled(request: HttpRequest, page: Page) -> None:
    """For `after_create_page` and `after_edit_page`: a message after « Enregistrer la programmation »."""
    if request.method != "POST" or not request.POST.get(SCHEDULE_SAVE_FIELD):
        return
    if not page.go_live_at and not page.expire_at:
        messages.warning(request, NOTHING_SCHEDULED)
        return
    dates = []
    if page.go_live_at:
        dates.append(f"publication {when(page.go_live_at)}")
    if page.expire_at:
        dates.append(f"dépublication {when(page.expire_at)}")
    messages.info(request, SCHEDULE_SAVED.format(dates=", ".join(dates)))


def schedule_dialog_script() -> str:
    """For `insert_editor_js`."""
    return format_html('<script src="{}" defer></script>', static("js/admin/schedule-dialog.js"))
