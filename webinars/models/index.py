"""The index at /webinaires/: the next session first, then the cycles."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel

from pages.models import BasePage
from webinars import clock


class WebinarIndexPage(BasePage):
    intro = models.TextField(
        "chapô",
        blank=True,
        max_length=600,
        help_text="Deux ou trois phrases sous le titre : à quoi servent les webinaires et à qui ils s'adressent.",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["webinars.WebinarCyclePage"]
    max_count = 1

    search_result_label = "Rubrique"

    class Meta:
        verbose_name = "index des webinaires"

    def get_context(self, request, *args, **kwargs):
        from webinars.queries import index_listing  # imports these models

        context = super().get_context(request, *args, **kwargs)
        context.update(index_listing(self, now=clock.now()))
        return context
