"""An admin panel on the press page: which press mentions' links the nightly check found dead."""

from __future__ import annotations

from wagtail.admin.panels import Panel


class MentionLinksPanel(Panel):
    """Read-only: the last result of `check_centre_links` for each mention's address."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "État des liens des articles")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "press/admin/mention_links_panel.html"

        def get_context_data(self, parent_context=None):
            from resources.models import CheckedLink

            context = super().get_context_data(parent_context)
            mentions = list(self.instance.mentions.all()) if self.instance.pk else []
            urls = [mention.url for mention in mentions if mention.url]
            checks = CheckedLink.objects.in_bulk(urls, field_name="url") if urls else {}
            context["rows"] = [(mention, checks.get(mention.url)) for mention in mentions if mention.url]
            context["dead"] = [row for row in context["rows"] if row[1] is not None and not row[1].ok]
            return context
