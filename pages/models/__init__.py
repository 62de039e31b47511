"""Models of the institution's own pages, split by role: the base page, the page types, the
shared snippets, the site settings and the « à vérifier » points."""

from .base import BasePage, OneOffPage
from .checks import ContentCheck
from .history import HistoryMilestone, HistoryPage
from .home import HomePage
from .mission import MissionPage
from .partners import PartnersPage
from .settings import NavigationSettings, SiteSettings
from .site_map import SiteMapPage
from .snippets import Audience, KeyFigure, Partner, Theme
from .standard import StandardPage

__all__ = [
    "Audience",
    "BasePage",
    "ContentCheck",
    "HistoryMilestone",
    "HistoryPage",
    "HomePage",
    "KeyFigure",
    "MissionPage",
    "NavigationSettings",
    "OneOffPage",
    "Partner",
    "PartnersPage",
    "SiteMapPage",
    "SiteSettings",
    "StandardPage",
    "Theme",
]
