"""/partenaires/: every partner, and what Le RAMEAU built with each one."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel

from .base import BasePage, OneOffPage


class PartnersPage(OneOffPage):
    """Every partner snippet, by name, with the centres, publications and programmes built
    together (each section tells what it holds through core.backlinks), in a fixed number of
    queries whatever the number of partners."""

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = "page « Partenaires »"
        verbose_name_plural = "pages « Partenaires »"

    def partners(self, request=None) -> list[dict]:
        """[{partner, works: [(label, [PartnerWork…])…]}] by name, read once per content version."""
        from caching.data import remember
        from pages.partner_works import partner_works

        from .snippets import Partner

        def build() -> list[dict]:
            works = partner_works(request)
            return [
                {"partner": partner, "works": works.get(partner.pk, [])}
                for partner in Partner.objects.select_related("logo").order_by("name")
            ]

        if getattr(request, "is_preview", False):
            return build()
        return remember(request, f"partners-page:{self.pk}", build)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partner_entries"] = self.partners(request)
        return context
