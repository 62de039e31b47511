"""Models of the resources app: the index of centres, one page per centre, the link check's
results for other sections' external links, and what each platform's feed last gave."""

from .centre import LINK_HEALTH_FIELDS, ResourceCentrePage, ResourceCentrePartner
from .checked_link import CheckedLink
from .feed import CentreFeed, CentreFeedItem
from .index import ResourceCentreIndexPage

__all__ = [
    "LINK_HEALTH_FIELDS",
    "CentreFeed",
    "CentreFeedItem",
    "CheckedLink",
    "ResourceCentreIndexPage",
    "ResourceCentrePage",
    "ResourceCentrePartner",
]
