"""One resource centre: the front door partners link to, leading to an external platform."""

from __future__ import annotations

from urllib.parse import urlsplit

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.inline_panels import NamedRowsPanel
from core.search_weights import BODY, SUMMARY
from core.widgets import YEAR_WIDGET
from pages.blocks import BaseStreamBlock
from pages.models import BasePage, Partner
from resources.needs import NEEDS, Need
from resources.outbound import validate_public_url
from resources.panels import FeedStatePanel, LinkHealthPanel
from resources.plugins import centre_sections

from .feed import platform_news

# Written by `check_centre_links`, never by editors: operational state, not content.
LINK_HEALTH_FIELDS = ("link_status", "link_checked_at", "link_ok")


class ResourceCentrePartner(Orderable):
    """A partner that co-built the centre, in the order the centre page shows them."""

    page = ParentalKey("resources.ResourceCentrePage", on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(
        Partner,
        verbose_name="partenaire",
        on_delete=models.CASCADE,
        related_name="resource_centre_links",
        help_text="Choisissez un partenaire existant ou créez-le dans le menu « Partenaires ».",
    )

    panels = [FieldPanel("partner")]

    class Meta(Orderable.Meta):
        verbose_name = "partenaire du centre"
        verbose_name_plural = "partenaires du centre"
        # Checked at the end of the transaction: rows are saved one by one, so two rows whose
        # partners were swapped would each meet the other's old partner on the way.
        constraints = [
            models.UniqueConstraint(
                fields=["page", "partner"], name="unique_partner_per_centre", deferrable=models.Deferrable.DEFERRED
            )
        ]

    def __str__(self) -> str:
        return str(self.partner)


class ResourceCentrePage(BasePage):
    summary = models.TextField(
        "présentation courte",
        max_length=400,
        help_text=(
            "Deux ou trois phrases : à qui sert ce centre et ce qu'on y trouve. "
            "Affichée en tête de page, sur les cartes et dans les aperçus de partage."
        ),
    )
    platform_url = models.URLField(
        "adresse de la plateforme",
        blank=True,
        max_length=300,
        help_text=(
            "Adresse complète de la plateforme externe, par exemple https://rseetpartenariats.wordpress.com/. "
            "Elle est vérifiée régulièrement : une plateforme injoignable est signalée dans la liste des centres."
        ),
    )
    feed_url = models.URLField(
        "flux du centre",
        blank=True,
        max_length=500,
        validators=[validate_public_url],
        help_text=(
            "Adresse du flux RSS ou Atom de la plateforme, par exemple https://rseetpartenariats.wordpress.com/feed/. "
            "Laissez vide : le site cherche le flux annoncé par la page d'accueil de la plateforme, puis essaie "
            "/feed/. Les 5 derniers éléments s'affichent sur la page du centre, relevés chaque nuit."
        ),
    )
    launch_year = models.PositiveSmallIntegerField(
        "année de lancement",
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text="L'année d'ouverture du centre. Laissez vide si elle n'est pas connue avec certitude.",
    )
    audiences = ParentalManyToManyField(
        "pages.Audience",
        verbose_name="publics",
        blank=True,
        related_name="resource_centres",
        help_text="Les profils de visiteurs à qui ce centre s'adresse ; ils servent de filtres sur la liste des centres.",
    )
    helps_inform = models.BooleanField(
        "s'informer", default=False, help_text="Le centre aide à comprendre les enjeux, chiffres et pratiques."
    )
    helps_train = models.BooleanField(
        "se former", default=False, help_text="Le centre propose des méthodes et des outils pour apprendre."
    )
    helps_act = models.BooleanField(
        "agir",
        default=False,
        help_text="Le centre fournit des kits et des retours d'expérience pour passer à l'action.",
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name="contenu",
        help_text="Ce que l'on trouve sur la plateforme, comment elle a été construite, pour qui.",
    )
    programmes = ParentalManyToManyField(
        "programmes.ProgrammePage",
        verbose_name="programmes de recherche",
        blank=True,
        related_name="centres",
        help_text="Le ou les programmes dont le centre capitalise les travaux ; il s'affichera sur leur page.",
    )
    link_status = models.PositiveSmallIntegerField("dernier code HTTP", null=True, blank=True, editable=False)
    link_checked_at = models.DateTimeField("dernière vérification", null=True, blank=True, editable=False)
    link_ok = models.BooleanField("plateforme joignable", null=True, blank=True, editable=False)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("platform_url"), LinkHealthPanel(), FieldPanel("feed_url"), FeedStatePanel()],
            heading="Plateforme en ligne",
        ),
        FieldPanel("launch_year", widget=YEAR_WIDGET),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("helps_inform"), FieldPanel("helps_train"), FieldPanel("helps_act")],
            heading="Ce que le centre permet",
            help_text="Cochez tout ce qui s'applique : chaque case est un filtre de la liste des centres.",
        ),
        NamedRowsPanel(
            "partner_links",
            heading="Partenaires",
            label="partenaire",
            help_text="Les organisations qui ont co-construit le centre, dans l'ordre d'affichage.",
        ),
        FieldPanel("body"),
        FieldPanel("programmes", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=SUMMARY),
        index.SearchField("body", boost=BODY),
    ]

    parent_page_types = ["resources.ResourceCentreIndexPage"]
    subpage_types: list[str] = []
    exclude_fields_in_copy = list(LINK_HEALTH_FIELDS)

    class Meta:
        verbose_name = "centre de ressources"
        verbose_name_plural = "centres de ressources"

    # Sharing and listing ------------------------------------------------------------

    @property
    def card_summary(self) -> str:
        return self.listing_summary or self.summary

    search_result_label = "Centre de ressources"

    def get_meta_description(self) -> str:
        """Partners share these pages: fall back on the centre's own summary, never an empty card."""
        return self.search_description or self.listing_summary or self.summary

    @property
    def needs(self) -> list[Need]:
        return [need for need in NEEDS if getattr(self, need.field)]

    @property
    def platform_host(self) -> str:
        """The platform's domain name, shown so visitors know where the link leads."""
        host = urlsplit(self.platform_url).hostname or ""
        return host.removeprefix("www.")

    @property
    def feed_source(self) -> str:
        """Where the feed is read from: the « flux du centre », else the platform (discovery)."""
        return self.feed_url or self.platform_url

    @property
    def link_health_label(self) -> str:
        if not self.platform_url:
            return "Pas de plateforme"
        if self.link_ok is None:
            return "Jamais vérifiée"
        if self.link_ok:
            return "En ligne"
        return f"Injoignable ({self.link_status})" if self.link_status else "Injoignable (pas de réponse)"

    # Page content ---------------------------------------------------------------

    def partners(self) -> list[Partner]:
        """The centre's partners in order, logos fetched in a fixed number of queries."""
        partners = [
            link.partner for link in self.partner_links.all().select_related("partner", "partner__logo") if link.partner
        ]
        return partners

    def related_content(self) -> dict:
        """What points to this centre (webinars, publications…), from the sections that registered
        themselves in resources.plugins: their templates, in order, and their context."""
        context: dict = {"related_templates": []}
        for section in centre_sections():
            context.update(section.context(self))
            context["related_templates"].append(section.template)
        return context

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the page's fragment is rendered, not when it comes from the cache.
        context["partners"] = SimpleLazyObject(self.partners)
        context["platform_news"] = SimpleLazyObject(lambda: platform_news(self))
        context["audiences"] = SimpleLazyObject(lambda: list(self.audiences.all()))
        context.update(self.related_content())
        context["index_page"] = self.parent_page(request)
        return context

    # Revisions ------------------------------------------------------------------

    def with_content_json(self, content):
        """Restore a revision but keep the link check's latest result, which revisions know nothing of.

        Without this, publishing a draft written before the last check would bring back
        the check result stored in that draft.
        """
        page = super().with_content_json(content)
        if self.pk:
            current = type(self).objects.filter(pk=self.pk).values(*LINK_HEALTH_FIELDS).first()
            for name, value in (current or {}).items():
                setattr(page, name, value)
        return page
