"""Site URLs: the Wagtail admin and documents, then every page through Wagtail."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control, never_cache
from django.views.static import serve as serve_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from caching.sites import serve
from core.seo import robots_txt, sitemap, sitemap_file
from rameau_site.security import health
from rameau_site.security.accounts.invitations import InvitationView
from rameau_site.security.accounts.password_reset import StaffPasswordResetView
from search.views import search, suggestions

# A lost database connection answers 503 + Retry-After (templates/503.html), other errors 500.
handler500 = "rameau_site.security.errors.server_error"

urlpatterns = [
    path("-/liveness", health.liveness, name="liveness"),
    path("-/readiness", health.readiness, name="readiness"),
    path("django-admin/", admin.site.urls),
    # Before Wagtail's admin, open without a login: the invitation link of a new account, and
    # « Mot de passe oublié ? » (Wagtail's address), limited and answered alike for every address.
    path("admin/invitation/<uidb64>/<token>/", never_cache(InvitationView.as_view()), name="rameau_invitation"),
    path("admin/password_reset/", never_cache(StaffPasswordResetView.as_view()), name="rameau_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", search, name="search"),
    path("recherche/suggestions/", suggestions, name="search_suggestions"),
    # Sign-up, confirmation and unsubscribe links of the newsletters (links in e-mails: never move them).
    path("newsletters/", include("newsletters.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("sitemap-<int:number>.xml", sitemap_file, name="sitemap_file"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Uploaded images (renditions and originals) for a deployment where nothing in front serves
    # MEDIA_ROOT (compose.yaml: the proxy keeps them a week). Never /media/documents/: documents
    # only go through /documents/, which applies their restrictions and headers.
    re_path(
        r"^media/(?P<path>(?:images|original_images)/[^/]+)$",
        cache_control(public=True, max_age=7 * 24 * 3600)(serve_file),
        {"document_root": settings.MEDIA_ROOT},
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.views.generic import TemplateView

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
    # Preview the error pages, which DEBUG otherwise replaces with Django's own.
    urlpatterns += [
        path("__erreurs/400/", TemplateView.as_view(template_name="400.html")),
        path("__erreurs/403/", TemplateView.as_view(template_name="403.html")),
        path("__erreurs/404/", TemplateView.as_view(template_name="404.html")),
        path("__erreurs/500/", TemplateView.as_view(template_name="500.html")),
        path("__erreurs/503/", TemplateView.as_view(template_name="503.html")),
    ]

# Pages go to Wagtail's serve view with the site and its root page taken from the cache
# (caching.sites.serve); Wagtail's own patterns stay for its `_util/` views and so that
# reverse("wagtail_serve") builds page URLs as usual. Page routes that end in a file name
# (calendrier.ics, flux.xml, citation.bib, citation.ris, export.csv) go there too, since Wagtail's pattern
# wants a trailing slash. The page tree still decides everything (live, privacy, which route
# answers). Site-wide files such as sitemap.xml must be routed above this.
urlpatterns += [
    re_path(r"^((?:[\w-]+/)*[\w-]+\.(?:ics|xml|bib|ris|csv))$", serve, name="wagtail_serve_file"),
    re_path(r"^(?!_util/)((?:[\w-]+/)*)$", serve, name="site_serve"),
    path("", include(wagtail_urls)),
]
