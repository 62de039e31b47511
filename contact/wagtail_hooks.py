"""The contact page, linked from every page's footer and from the forms."""

from wagtail import hooks

from core.front_door import FRONT_DOOR_HOOK, FrontDoorPage


@hooks.register(FRONT_DOOR_HOOK)
def contact_page() -> FrontDoorPage:
    return FrontDoorPage("contact", "contact.ContactPage")
