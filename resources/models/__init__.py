"""Models of the resources app: the index of centres and one page per centre."""

from .centre import LINK_HEALTH_FIELDS, ResourceCentrePage, ResourceCentrePartner
from .index import ResourceCentreIndexPage

__all__ = ["LINK_HEALTH_FIELDS", "ResourceCentreIndexPage", "ResourceCentrePage", "ResourceCentrePartner"]
