"""A warning in the admin while the legal notice lacks something the law asks for."""

from __future__ import annotations

from django.apps import apps
from wagtail.admin.panels import Panel
from wagtail.models import Site


def settings_for(instance):
    """The site settings an edited object depends on: itself, or those of the page's site."""
    site_settings = apps.get_model("pages", "SiteSettings")
    if isinstance(instance, site_settings):
        return instance
    site = None
    if getattr(instance, "pk", None) and getattr(instance, "path", None):
        site = instance.get_site()
    site = site or Site.objects.filter(is_default_site=True).first()
    return site_settings.for_site(site) if site else None


class LegalWarningPanel(Panel):
    """Lists the empty fields of Paramètres du site that the legal notice needs; shows nothing
    once they are all filled (the public page never shows a placeholder: it leaves them out)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "À compléter")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "pages/admin/legal_warning_panel.html"

        @property
        def missing(self) -> list[str]:
            if not hasattr(self, "_missing"):
                site_settings = settings_for(self.instance)
                self._missing = site_settings.missing_legal_fields() if site_settings else []
            return self._missing

        def is_shown(self) -> bool:
            return bool(self.missing) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["missing"] = self.missing
            context["on_settings"] = isinstance(self.instance, apps.get_model("pages", "SiteSettings"))
            return context
