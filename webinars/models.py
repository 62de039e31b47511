"""Webinar cycles: the index at /webinaires/."""
from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel

from pages.models import BasePage


class WebinarIndexPage(BasePage):
    intro = models.TextField("chapô", blank=True, max_length=600)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = "index des webinaires"
