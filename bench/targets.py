"""The pages the benchmark measures: one of each public type, found in the content.

Detail pages are demo pages (never `banc-…` ones) so the same page is measured at both sizes.
"""

from __future__ import annotations


def bench_pages() -> dict[str, str]:
    from publications.models import PublicationPage
    from resources.models import ResourceCentrePage
    from webinars.models import WebinarCyclePage, WebinarPage

    publication = (
        PublicationPage.objects.live().exclude(slug__startswith="banc-").order_by("-publication_date", "pk").first()
    )
    kind, theme = publication.publication_type.slug, publication.themes.order_by("pk").first().slug
    cycle = WebinarCyclePage.objects.live().get(slug="2019")
    session = WebinarPage.objects.live().child_of(cycle).order_by("start").first()
    centre = ResourceCentrePage.objects.live().order_by("path").first()
    return {
        "accueil": "/",
        "mission": "/qui-sommes-nous/",
        "histoire": "/qui-sommes-nous/histoire/",
        "centres (index)": "/centres-de-ressources/",
        "un centre": centre.url,
        "publications (index)": "/publications/",
        "publications, 2 filtres": f"/publications/?type={kind}&theme={theme}",
        "une publication": publication.url,
        "webinaires (index)": "/webinaires/",
        "un cycle": cycle.url,
        "une session": session.url,
        "calendrier .ics": f"{cycle.url}calendrier.ics",
        "recherche": "/recherche/?q=partenariat",
        "sitemap.xml": "/sitemap.xml",
    }


# Listings and detail pages: the ones held to the 15 ms budget (search and sitemap are not).
TIMED = {
    "mission",
    "histoire",
    "centres (index)",
    "un centre",
    "publications (index)",
    "publications, 2 filtres",
    "une publication",
    "webinaires (index)",
    "un cycle",
    "une session",
    "calendrier .ics",
    "accueil",
}
