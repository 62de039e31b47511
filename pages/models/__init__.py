"""Models of the pages app, split by role (base, snippets, settings, page types)."""

from .base import BasePage
from .content_version import ContentVersion
from .history import HistoryMilestone, HistoryPage
from .home import HomePage
from .mission import MissionPage
from .settings import NavigationSettings, SiteSettings
from .snippets import Audience, KeyFigure, Partner, Theme
from .standard import StandardPage

__all__ = [
    "Audience",
    "Theme",
    "BasePage",
    "ContentVersion",
    "HistoryMilestone",
    "HistoryPage",
    "HomePage",
    "KeyFigure",
    "MissionPage",
    "NavigationSettings",
    "Partner",
    "SiteSettings",
    "StandardPage",
]
