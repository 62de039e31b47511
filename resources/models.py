"""Resource centres: the index at /centres-de-ressources/ and one page per centre."""
from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel

from pages.models import BasePage


class ResourceCentreIndexPage(BasePage):
    intro = models.TextField("chapô", blank=True, max_length=600)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["resources.ResourceCentrePage"]
    max_count = 1

    class Meta:
        verbose_name = "index des centres de ressources"


class ResourceCentrePage(BasePage):
    summary = models.TextField("résumé", blank=True, max_length=400)

    content_panels = [*BasePage.content_panels, FieldPanel("summary")]
    parent_page_types = ["resources.ResourceCentreIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "centre de ressources"
        verbose_name_plural = "centres de ressources"
