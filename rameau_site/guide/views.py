"""« Guide de l'équipe »: how staff do each everyday task in this admin, written for people who
are not developers. What depends on the installation (the site's address, autosave, the
groups' names) is read from it, so the guide never contradicts the screen next to it."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from core.site_address import LOCAL_HOSTS
from rameau_site.security.staff import EDITORS, MODERATORS, WORKFLOW


class GuideView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Guide de l'équipe"
    header_icon = "help"
    template_name = "guide/guide.html"

    def get_breadcrumbs_items(self) -> list[dict]:
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        site = Site.objects.filter(is_default_site=True).first()
        interval = getattr(settings, "WAGTAIL_AUTOSAVE_INTERVAL", 500)
        context.update(
            editors=EDITORS,
            moderators=MODERATORS,
            workflow=WORKFLOW,
            site=site,
            site_address=site.root_url if site else "",
            site_is_local=bool(site and site.hostname in LOCAL_HOSTS),
            site_edit_url=reverse("wagtailsites:edit", args=[site.pk]) if site else "",
            autosave_seconds=interval / 1000 if interval > 0 else 0,
            is_superuser=self.request.user.is_superuser,
        )
        return context
