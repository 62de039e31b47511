"""Admin wiring of the personal-data tool, and the legal pages in every page's footer (with the
accessibility statement's conformity status)."""

from wagtail import hooks

from core.front_door import FRONT_DOOR_HOOK, FrontDoorPage

from .personal_data import admin as personal_data_admin  # noqa: F401 (registers its hooks)


@hooks.register(FRONT_DOOR_HOOK)
def legal_notice_page() -> FrontDoorPage:
    return FrontDoorPage("legal_notice", "legal.LegalNoticePage")


@hooks.register(FRONT_DOOR_HOOK)
def privacy_page() -> FrontDoorPage:
    return FrontDoorPage("privacy", "legal.PrivacyPage")


@hooks.register(FRONT_DOOR_HOOK)
def accessibility_page() -> FrontDoorPage:
    return FrontDoorPage(
        "accessibility",
        "legal.AccessibilityPage",
        details=lambda page: {"accessibility_status": page.get_conformity_status_display()},
    )
