"""A dashboard warning while the Wagtail site's address is still a local one (« localhost »).

Canonical links, calendar links (.ics, Google, Outlook) and e-mailed links are built from the
Site record (Paramètres › Sites), never from the request: a record left at « localhost » sends
every shared link there. Staff see it on the dashboard, with where to change it."""

from __future__ import annotations

from django.http import HttpRequest
from django.http.request import split_domain_port
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Site

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0"}


def address_problem(request: HttpRequest) -> dict | None:
    """What is wrong with the default site's address, seen from this admin request, or None."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    served_host, _port = split_domain_port(request.get_host())
    if site.hostname not in LOCAL_HOSTS or served_host in LOCAL_HOSTS:
        return None
    return {"site": site, "recorded": site.root_url, "served": f"{request.scheme}://{request.get_host()}"}


class SiteAddressPanel(Component):
    name = "site_address"
    order = 10
    template_name = "core/admin/site_address_panel.html"

    def __init__(self, problem: dict, can_edit_sites: bool) -> None:
        self.problem = problem
        self.can_edit_sites = can_edit_sites

    def get_context_data(self, parent_context=None):
        context = dict(self.problem)
        if self.can_edit_sites:
            context["edit_url"] = reverse("wagtailsites:edit", args=[self.problem["site"].pk])
        return context


@hooks.register("construct_homepage_panels")
def warn_about_site_address(request: HttpRequest, panels: list) -> None:
    problem = address_problem(request)
    if problem:
        panels.insert(0, SiteAddressPanel(problem, request.user.has_perm("wagtailcore.change_site")))
