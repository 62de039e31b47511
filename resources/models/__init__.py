"""Models of the resources app: the index of centres, one page per centre, and the link check's
results for other sections' external links."""

from .centre import LINK_HEALTH_FIELDS, ResourceCentrePage, ResourceCentrePartner
from .checked_link import CheckedLink
from .index import ResourceCentreIndexPage

__all__ = [
    "LINK_HEALTH_FIELDS",
    "CheckedLink",
    "ResourceCentreIndexPage",
    "ResourceCentrePage",
    "ResourceCentrePartner",
]
