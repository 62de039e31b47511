"""The pages the benchmark measures: one of each public type, found in the content.

Detail pages are demo pages (never `banc-…` ones) so the same page is measured at every size.
"""

from __future__ import annotations

#: A word found in (nearly) every publication at each size: « le RAMEAU » is in every bench
#: publication and in all but two of the demo's.
EVERYWHERE = "rameau"


def sitemap_path() -> str:
    """/sitemap.xml while the addresses fit in one file, else its first (full) file."""
    from wagtail.models import Site

    from core.seo import site_pages, urls_per_file

    site = Site.objects.select_related("root_page").get(is_default_site=True)
    return "/sitemap.xml" if site_pages(site).count() <= urls_per_file() else "/sitemap-1.xml"


def bench_pages() -> dict[str, str]:
    """The pages named below, then one page of every other live page type, by its name."""
    from wagtail.models import Page

    from pages.models import HistoryPage, HomePage, MissionPage
    from publications.models import NewsArticlePage, NewsIndexPage, PublicationIndexPage, PublicationPage
    from resources.models import ResourceCentreIndexPage, ResourceCentrePage
    from webinars.models import WebinarCyclePage, WebinarIndexPage, WebinarPage

    publication = (
        PublicationPage.objects.live().exclude(slug__startswith="banc-").order_by("-publication_date", "pk").first()
    )
    kind, theme = publication.publication_type.slug, publication.themes.order_by("pk").first().slug
    cycle = WebinarCyclePage.objects.live().get(slug="2019")
    session = WebinarPage.objects.live().child_of(cycle).order_by("start").first()
    # A centre showing its platform's latest items (the demo gives the first one the 2019 webinars).
    centres = ResourceCentrePage.objects.live().order_by("path")
    centre = centres.filter(feed_state__items__isnull=False).first() or centres.first()
    article = NewsArticlePage.objects.live().exclude(slug__startswith="banc-").order_by("-date", "pk").first()
    pages = {
        "accueil": "/",
        "mission": "/qui-sommes-nous/",
        "histoire": "/qui-sommes-nous/histoire/",
        "centres (index)": "/centres-de-ressources/",
        "un centre": centre.url,
        "publications (index)": "/publications/",
        "publications, 2 filtres": f"/publications/?type={kind}&theme={theme}",
        "une publication": publication.url,
        "citation .bib": f"{publication.url}citation.bib",
        "citation .ris": f"{publication.url}citation.ris",
        "flux des publications": "/publications/flux.xml",
        "actualités (index)": "/actualites/",
        "une actualité": article.url,
        "flux des actualités": "/actualites/flux.xml",
        "webinaires (index)": "/webinaires/",
        "un cycle": cycle.url,
        "une session": session.url,
        "calendrier .ics (cycle)": f"{cycle.url}calendrier.ics",
        "calendrier .ics (session)": session.ical_url(),
        "recherche": "/recherche/?q=partenariat",
        "recherche, mot partout": f"/recherche/?q={EVERYWHERE}",
        "recherche, faute de frappe": "/recherche/?q=partenarait",  # « Vouliez-vous dire »
        "suggestions de saisie": "/recherche/suggestions/?q=parten",
        "sitemap.xml": sitemap_path(),
    }
    seen = {type(page) for page in (publication, cycle, session, centre, article)}
    seen |= {HomePage, MissionPage, HistoryPage, ResourceCentreIndexPage, PublicationIndexPage, NewsIndexPage}
    seen.add(WebinarIndexPage)
    for page in Page.objects.live().filter(depth__gt=1).exclude(slug__startswith="banc-").order_by("path"):
        model = page.specific_class
        if model is not None and model not in seen:
            seen.add(model)
            pages[str(model._meta.verbose_name)] = page.url
    return pages


#: Not pages a visitor reads: the site map grows with its addresses (held to 5 × the home page).
NOT_HELD_TO_THE_FLOOR = {"sitemap.xml"}
