"""Permanent redirects from every old address, as Wagtail's own redirects (Paramètres ›
Redirections), so staff see, edit and remove them like any other.

An item's old addresses: its permalink, `?p=`, `?page_id=` or `?attachment_id=` with its
id, and for a file, its address under `/wp-content/uploads/` and each size WordPress made
of it. A redirect staff have already set for one of them is kept; an address a page of the
new site answers is left to that page.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from .links import UPLOADS, Addresses
from .wxr import Item

#: WordPress's addresses by id and its plain archive addresses (`/?cat=3`), which reach the
#: home page here: they are followed before the home page is served (wagtail_hooks.py).
QUERY_PARAMETERS = ("p", "page_id", "attachment_id", "cat", "tag")
ID_ALIASES = {"post": ("p",), "page": ("page_id", "p"), "attachment": ("attachment_id", "p")}
MAX_PATH = 255


def item_paths(item: Item, addresses: Addresses, upload: str = "", variants: list[str] = ()) -> list[str]:
    """Every old address of an item, normalised as Wagtail stores them."""
    paths = []
    for url in (item.link, item.guid):
        found = addresses.internal_path(url) if url else None
        if found and (found[0] != "/" or found[1]):
            parts = urlsplit(url)
            paths.append((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
    for parameter in ID_ALIASES.get(item.post_type, ("p",)):
        paths.append(f"{addresses.base_path}/?{urlencode({parameter: item.wp_id})}")
    for relative in [upload, *variants] if upload else []:
        paths.append(f"{addresses.base_path}{UPLOADS}{relative}")
    normalised = []
    for path in paths:
        path = Redirect.normalise_path(path)
        if path not in normalised:
            normalised.append(path)
    return normalised


class Redirects:
    """The redirects of one site, read once, added in bulk."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.existing = {redirect.old_path: redirect for redirect in Redirect.get_for_site(site)}
        self.new: list[Redirect] = []
        prefix = site.root_page.url_path
        self.served = {
            "/" + url_path[len(prefix) :]: pk
            for pk, url_path in Page.objects.filter(url_path__startswith=prefix).values_list("pk", "url_path")
        }

    def ensure(self, old_path: str, page_id: int | None = None, link: str = "") -> tuple[str, str]:
        """("created" | "unchanged" | "kept" | "none", what the report should say)."""
        if len(old_path) > MAX_PATH:
            return "none", f"adresse trop longue pour une redirection : {old_path[:80]}…"
        served = self.served.get(old_path.rstrip("/") + "/") if "?" not in old_path else None
        if old_path == "/" or (served is not None and served == page_id):
            return "none", ""
        if served is not None:
            return "none", f"{old_path} est l'adresse d'une page du nouveau site : pas de redirection"
        current = self.existing.get(old_path)
        if current is not None:
            same = (page_id is not None and current.redirect_page_id == page_id) or (
                link and current.redirect_link == link
            )
            if same:
                return "unchanged", ""
            return "kept", f"redirection existante gardée pour {old_path}"
        redirect = Redirect(
            old_path=old_path,
            site=self.site,
            is_permanent=True,
            redirect_page_id=page_id,
            redirect_link="" if page_id else link,
        )
        self.existing[old_path] = redirect
        self.new.append(redirect)
        return "created", ""

    def save(self) -> None:
        Redirect.objects.bulk_create(self.new, batch_size=500)
        self.new.clear()


def follow_query_redirect(request: HttpRequest) -> HttpResponse | None:
    """`/?p=12` and friends: the redirect made for them, if any (the page at `/` answers 200,
    so Wagtail's redirect middleware, which acts on 404s, would never see them)."""
    if not any(parameter in request.GET for parameter in QUERY_PARAMETERS):
        return None
    redirect = get_redirect(request, Redirect.normalise_path(request.get_full_path(), decode_unicode=False))
    if redirect is None or redirect.link is None:
        return None
    return (HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect)(redirect.link)
