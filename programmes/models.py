"""Research programmes (ARPEA, PHARE…) at /programmes/: each gathers what links to it.

Publications, centres and webinar cycles choose their programmes; the programme page shows
them through core.backlinks, without the core naming those sections. History milestones
belong to the core and are read directly.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.search_weights import BODY, SUMMARY
from core.widgets import YEAR_WIDGET
from pages.blocks import BaseStreamBlock
from pages.models import BasePage

YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]
CURRENT, COMPLETED = "current", "completed"
STATUSES = [(CURRENT, "en cours"), (COMPLETED, "achevé")]


class ProgrammeIndexPage(BasePage):
    """The list of programmes: the current ones first, then those that ended, then those whose
    state is not known."""

    intro = models.TextField(
        "chapô",
        blank=True,
        max_length=600,
        help_text="Une ou deux phrases sur la façon dont Le RAMEAU mène ses programmes.",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro", boost=SUMMARY)]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]
    max_count = 1
    search_result_label = "Rubrique"

    class Meta:
        verbose_name = "index des programmes"
        verbose_name_plural = "index des programmes"

    def programmes(self) -> list[ProgrammePage]:
        """Live, public programmes in the order staff set in the tree, with their images (two queries)."""
        from caching.restrictions import private_q
        from core.listing import attach_listing_images

        return attach_listing_images(ProgrammePage.objects.child_of(self).live().exclude(private_q()).order_by("path"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        year = timezone.localdate().year
        programmes = self.programmes()
        context["current_programmes"] = [p for p in programmes if p.state(year) == CURRENT]
        context["past_programmes"] = [p for p in programmes if p.state(year) == COMPLETED]
        context["other_programmes"] = [p for p in programmes if not p.state(year)]
        return context


class ProgrammePage(BasePage):
    """A research programme: its period, partners and text, then what it produced."""

    full_name = models.CharField(
        "nom développé",
        max_length=255,
        blank=True,
        help_text="Pour un sigle : ce qu'il veut dire, par exemple « Analyse des relations de partenariat… ».",
    )
    start_year = models.PositiveSmallIntegerField(
        "année de début",
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text="Laissez vide si elle n'est pas connue.",
    )
    end_year = models.PositiveSmallIntegerField(
        "année de fin",
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text="Laissez vide pour un programme en cours ou dont la fin n'est pas connue.",
    )
    status = models.CharField(
        "état",
        max_length=10,
        choices=STATUSES,
        blank=True,
        help_text=(
            "Laissé vide, l'état se déduit de l'année de fin ; sans année de fin, le programme est listé "
            "à part, sans dire s'il est en cours ou achevé."
        ),
    )
    summary = models.TextField(
        "résumé",
        max_length=600,
        help_text="Deux ou trois phrases : la question étudiée, avec qui, comment. Reprises dans la liste des programmes.",
    )
    partners = ParentalManyToManyField(
        "pages.Partner",
        blank=True,
        related_name="programmes",
        verbose_name="partenaires",
        help_text="Les organisations qui mènent ou financent le programme avec Le RAMEAU.",
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name="présentation")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("full_name"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("start_year", widget=YEAR_WIDGET), FieldPanel("end_year", widget=YEAR_WIDGET)]
                ),
                FieldPanel("status"),
            ],
            heading="Période",
        ),
        FieldPanel("summary"),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("full_name", boost=SUMMARY),
        index.SearchField("summary", boost=SUMMARY),
        index.SearchField("body", boost=BODY),
    ]

    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types: list[str] = []
    search_result_label = "Programme"

    class Meta:
        verbose_name = "programme"
        verbose_name_plural = "programmes"

    def clean(self) -> None:
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": "L'année de fin ne peut pas précéder l'année de début."})

    def state(self, year: int | None = None) -> str:
        """CURRENT, COMPLETED, or "" when neither the status nor an end year says."""
        if self.status:
            return self.status
        if self.end_year is None:
            return ""
        return CURRENT if self.end_year >= (year or timezone.localdate().year) else COMPLETED

    @property
    def period_label(self) -> str:
        """« 2008 – 2013 », « depuis 2014 », « jusqu'en 2012 », or nothing when unknown."""
        if self.start_year and self.end_year:
            return str(self.start_year) if self.start_year == self.end_year else f"{self.start_year} – {self.end_year}"
        if self.start_year:
            return f"depuis {self.start_year}" if self.status == CURRENT else f"à partir de {self.start_year}"
        if self.end_year:
            return f"jusqu'en {self.end_year}"
        return ""

    def get_meta_description(self) -> str:
        return self.search_description or self.listing_summary or self.summary

    def milestones(self) -> list:
        """The history milestones that belong to this programme, on a live, public history page."""
        from caching.restrictions import private_q
        from pages.models import HistoryMilestone, HistoryPage

        histories = HistoryPage.objects.live().exclude(private_q())
        return list(
            HistoryMilestone.objects.filter(programme=self, page__in=histories)
            .select_related("page")
            .order_by("year", "month", "sort_order")
        )

    def get_context(self, request: HttpRequest, *args, **kwargs):
        from core.backlinks import PROGRAMME_SECTIONS_HOOK, linked_content

        context = super().get_context(request, *args, **kwargs)
        context["programme_partners"] = list(self.partners.all())
        context["milestones"] = self.milestones()
        context["index_page"] = self.parent_page(request)
        context.update(linked_content(self, request, PROGRAMME_SECTIONS_HOOK))
        return context
