"""A plain content page: legal notice, contact, accessibility statement, …"""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.search_weights import BODY, SUMMARY
from pages.blocks import BaseStreamBlock

from .base import BasePage


class StandardPage(BasePage):
    intro = models.TextField(
        "chapô", blank=True, max_length=600, help_text="Une ou deux phrases d'introduction, en tête de page."
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name="contenu")

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro", boost=SUMMARY),
        index.SearchField("body", boost=BODY),
    ]

    parent_page_types = ["pages.HomePage", "pages.MissionPage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = "page simple"
        verbose_name_plural = "pages simples"
