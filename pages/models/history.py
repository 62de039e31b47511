"""The history timeline: dated milestones that staff reorder and extend."""

from __future__ import annotations

from itertools import groupby

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from core.french_dates import MONTH_CHOICES
from core.inline_panels import NamedRowsPanel
from core.search_weights import BODY, NAMES, SUMMARY
from core.widgets import YEAR_WIDGET
from pages.blocks import INLINE_FEATURES
from pages.timeline_forms import HistoryPageForm

from .base import BasePage


class HistoryPage(BasePage):
    intro = models.TextField("chapô", blank=True, max_length=600)

    base_form_class = HistoryPageForm
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        NamedRowsPanel(
            "milestones",
            label="Étape",
            heading="Étapes de la frise",
            help_text=(
                "Chaque étape enregistrée est repliée sous son année et son titre : cliquez dessus pour "
                "l'ouvrir. Glissez les étapes pour les réordonner, de la plus ancienne à la plus récente ; "
                "une année placée avant une année antérieure est signalée à l'enregistrement."
            ),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro", boost=SUMMARY),
        index.RelatedFields(
            "milestones", [index.SearchField("heading", boost=NAMES), index.SearchField("text", boost=BODY)]
        ),
    ]

    parent_page_types = ["pages.MissionPage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = "page « Histoire »"
        verbose_name_plural = "pages « Histoire »"

    def milestones_by_year(self) -> list[tuple[int, list[HistoryMilestone]]]:
        """Milestones in the editor's order, grouped under consecutive years for the timeline."""
        milestones = self.milestones.select_related("image", "link_page").all()
        return [(year, list(items)) for year, items in groupby(milestones, key=lambda m: m.year)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the timeline's fragment is rendered, not when it comes from the cache.
        groups = SimpleLazyObject(self.milestones_by_year)
        context["milestone_groups"] = groups
        context["decade_band"] = SimpleLazyObject(lambda: decade_band(groups))
        return context


def decade_band(groups: list[tuple[int, list]]) -> list[dict]:
    """The timeline at a glance: each decade from the first year to the last, its years in
    place (1 to 10 columns) and, for years with milestones, how many."""
    counts: dict[int, int] = {}
    for year, milestones in groups:
        counts[year] = counts.get(year, 0) + len(milestones)
    if not counts:
        return []
    first, last = min(counts), max(counts)
    band = []
    for decade in range(first // 10 * 10, last + 1, 10):
        start, end = max(decade, first), min(decade + 9, last)
        years = [
            {"year": year, "count": counts[year], "column": year - start + 1}
            for year in range(start, end + 1)
            if year in counts
        ]
        band.append({"decade": decade, "span": end - start + 1, "years": years})
    return band


class HistoryMilestone(Orderable):
    page = ParentalKey(HistoryPage, on_delete=models.CASCADE, related_name="milestones")
    year = models.PositiveSmallIntegerField("année", validators=[MinValueValidator(1990), MaxValueValidator(2100)])
    month = models.PositiveSmallIntegerField(
        "mois",
        # The blank choice's label: the form's empty option, and the revision comparison's
        # wording for a milestone without a month (Wagtail would print « None »).
        choices=[(None, "Non précisé"), *MONTH_CHOICES],
        null=True,
        blank=True,
        help_text="Facultatif : seulement si la date est connue au mois près.",
    )
    title = models.CharField("titre", max_length=160)
    text = RichTextField("texte", blank=True, features=INLINE_FEATURES)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page liée",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Une publication, un centre de ressources ou toute page qui prolonge l'étape.",
    )
    link_label = models.CharField(
        "texte du lien", max_length=80, blank=True, help_text="Par défaut : le titre de la page liée."
    )
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        verbose_name="programme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="history_milestones",
        help_text="Le programme de recherche dont cette étape fait partie : elle s'affichera aussi sur sa page.",
    )

    panels = [
        FieldRowPanel([FieldPanel("year", widget=YEAR_WIDGET), FieldPanel("month")]),
        FieldPanel("title"),
        FieldPanel("text"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("link_page"), FieldPanel("link_label"), FieldPanel("programme")],
            heading="Compléments",
        ),
    ]

    def heading(self) -> str:
        """The milestone's title, for the search index: indexed as a field named `title`, it
        would join the page's own title and outrank every page whose title holds the word."""
        return self.title

    class Meta(Orderable.Meta):
        verbose_name = "étape"
        verbose_name_plural = "étapes"

    def __str__(self) -> str:
        return f"{self.year} – {self.title}"

    @property
    def anchor(self) -> str:
        """The id of the milestone in the history page, for links from elsewhere (a map's places)."""
        return f"etape-{self.pk}"

    @property
    def iso_date(self) -> str:
        return f"{self.year}-{self.month:02d}" if self.month else str(self.year)
