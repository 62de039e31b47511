"""How the site introduces itself to the platforms it reads."""

from __future__ import annotations

#: The product token robots.txt rules are matched against.
ROBOTS_TOKEN = "LeRAMEAU"
#: Names the site and where to learn who we are, as polite crawlers do.
USER_AGENT = "LeRAMEAU/1.0 (releve des flux des centres de ressources; +https://www.lerameau.fr/)"
