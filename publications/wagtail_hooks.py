"""Admin registration of the publication types staff extend; the library's section of the
home page and its kinds of search result; the publications of a programme or a person."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.backlinks import PERSON_SECTIONS_HOOK, PROGRAMME_SECTIONS_HOOK, LinkedSection
from core.plugins import HOME_SECTIONS_HOOK, SEARCH_KINDS_HOOK, WARM_PATHS_HOOK, WARM_UP_HOOK, HomeSection, SearchKind
from pages.featured import FEATURED_HOOK
from pages.partner_works import PARTNER_WORKS_HOOK, PartnerWorks
from resources.plugins import CENTRE_SECTIONS_HOOK, CentreSection

from .backlinks import partner_publications, person_publications, programme_publications
from .home import latest_article, latest_publication, latest_publications_section
from .models import PublicationType
from .queries import publications_for_centre


class PublicationTypeViewSet(SnippetViewSet):
    model = PublicationType
    icon = "doc-full"
    menu_label = "Types de publication"
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["name", "slug", "nature", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


register_snippet(PublicationTypeViewSet)


@hooks.register("construct_page_chooser_queryset")
def only_live_publications(pages, request):
    """A chooser that asks for publications offers the live ones: a link to a draft would be
    dead for visitors (the related-publication rows also refuse drafts on save)."""
    if request.GET.get("page_type", "").lower() == "publications.publicationpage":
        return pages.filter(live=True)
    return pages


@hooks.register(HOME_SECTIONS_HOOK)
def latest_publications_home_section() -> HomeSection:
    return HomeSection(
        key="latest_publications",
        label="Dernières publications",
        description="Les quatre dernières publications, avec leur couverture.",
        template="publications/includes/home_section.html",
        context=latest_publications_section,
    )


hooks.register(FEATURED_HOOK, latest_article)
hooks.register(FEATURED_HOOK, latest_publication)


@hooks.register(WARM_UP_HOOK)
def library_catalogue(_change) -> None:
    """A new content version: the library's catalogue updated from the changed publications,
    before visitors get the version (rameau_site/warming.py)."""
    from caching.lookups import first_live_page

    from . import catalogue
    from .models import PublicationIndexPage

    index = first_live_page(PublicationIndexPage, None)
    if index is not None:
        catalogue.of_library(index)


@hooks.register(WARM_PATHS_HOOK)
def library_feeds(pages) -> list[str]:
    """After a publication or an article changes: the library's and the news' feeds, which
    feed readers ask for soon after. Both are kept under the scope « publications », which the
    change renews; a feed rebuilt costs 30-50 ms at 2,000 publications against 1-2 ms kept."""
    from caching.lookups import first_live_page

    from .models import NewsArticlePage, NewsIndexPage, PublicationIndexPage, PublicationPage

    if not any(isinstance(page, PublicationPage | NewsArticlePage) for page in pages):
        return []
    indexes = (first_live_page(model, None) for model in (PublicationIndexPage, NewsIndexPage))
    return [index.feed_url for index in indexes if index is not None]


@hooks.register(SEARCH_KINDS_HOOK)
def publication_results() -> SearchKind:
    return SearchKind(
        "publications",
        "Publications",
        ("publications.PublicationPage",),
        browse=("publications.PublicationIndexPage", "les publications"),
        order=10,
        weight=1.5,
    )


@hooks.register(SEARCH_KINDS_HOOK)
def news_results() -> SearchKind:
    return SearchKind("actualites", "Actualités", ("publications.NewsArticlePage",), order=40)


@hooks.register(CENTRE_SECTIONS_HOOK)
def centre_publications() -> CentreSection:
    return CentreSection(
        "publications/includes/centre_publications.html",
        lambda centre: {"centre_publications": publications_for_centre(centre)},
        order=20,
    )


@hooks.register(PROGRAMME_SECTIONS_HOOK)
def programme_publications_section() -> LinkedSection:
    return LinkedSection("publications/includes/linked_publications.html", programme_publications, order=10)


@hooks.register(PERSON_SECTIONS_HOOK)
def person_publications_section() -> LinkedSection:
    return LinkedSection("publications/includes/linked_publications.html", person_publications, order=10)


@hooks.register(PARTNER_WORKS_HOOK)
def partner_publications_works() -> PartnerWorks:
    return PartnerWorks("Publications", partner_publications, order=20)
