"""Models of the pages app, split by role (base, snippets, settings, page types)."""

from .base import BasePage
from .checks import ContentCheck
from .contact import ContactFormField, ContactPage, ContactSubmission
from .content_version import ContentVersion
from .history import HistoryMilestone, HistoryPage
from .home import HomePage
from .legal import AccessibilityPage, LegalNoticePage, PrivacyPage, SiteMapPage
from .mission import MissionPage
from .newsletters import NewsletterList, NewsletterPage, NewsletterSyncTask, Subscriber, Subscription
from .people import PersonPage, TeamPage, link_people
from .programmes import ProgrammeIndexPage, ProgrammePage
from .settings import NavigationSettings, SiteSettings
from .snippets import Audience, KeyFigure, Partner, Theme
from .standard import StandardPage
from .workflow import ModerationTask

__all__ = [
    "AccessibilityPage",
    "ContactFormField",
    "ContentCheck",
    "ContactPage",
    "ContactSubmission",
    "LegalNoticePage",
    "NewsletterList",
    "NewsletterPage",
    "NewsletterSyncTask",
    "PrivacyPage",
    "SiteMapPage",
    "Subscriber",
    "Subscription",
    "Audience",
    "Theme",
    "BasePage",
    "ContentVersion",
    "HistoryMilestone",
    "HistoryPage",
    "HomePage",
    "KeyFigure",
    "MissionPage",
    "ModerationTask",
    "NavigationSettings",
    "Partner",
    "PersonPage",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "SiteSettings",
    "StandardPage",
    "TeamPage",
    "link_people",
]
