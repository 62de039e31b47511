"""Admin wiring of the newsletters (lists and subscribers), and the newsletters page in the footer."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core.front_door import FRONT_DOOR_HOOK, FrontDoorPage

from .admin import NewsletterViewSetGroup

register_snippet(NewsletterViewSetGroup)


@hooks.register(FRONT_DOOR_HOOK)
def newsletter_page() -> FrontDoorPage:
    return FrontDoorPage("newsletters", "newsletters.NewsletterPage")
