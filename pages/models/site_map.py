"""The HTML site map at /plan-du-site/ (RGAA asks for two ways to find a page)."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel

from .base import BasePage, OneOffPage


class SiteMapPage(OneOffPage):
    """/plan-du-site/: every published page, by section (RGAA asks for two ways to find a page)."""

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = "plan du site"
        verbose_name_plural = "plans du site"

    def get_context(self, request, *args, **kwargs):
        from pages.site_map import site_map

        context = super().get_context(request, *args, **kwargs)
        context["tree"] = site_map(request, self)
        return context
