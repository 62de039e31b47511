"""The pages the law and good manners ask of a French site, in the footer of every page:
legal notice, privacy, accessibility statement (the site map is pages' SiteMapPage). What they say about the
organisation comes from Paramètres du site, typed once."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from contact.models import ContactFormField
from core.search_weights import BODY
from legal.analytics import matomo
from pages.blocks import TEXT_FEATURES, BaseStreamBlock
from pages.legal_panels import LegalWarningPanel
from pages.models import BasePage, OneOffPage


class LegalNoticePage(OneOffPage):
    """/mentions-legales/: publisher and host from Paramètres du site, then the free sections."""

    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name="autres rubriques",
        help_text="Propriété intellectuelle, crédits… L'éditeur et l'hébergeur s'affichent d'eux-mêmes au-dessus.",
    )

    content_panels = [*BasePage.content_panels, LegalWarningPanel(), FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*OneOffPage.search_fields, index.SearchField("body", boost=BODY)]

    class Meta:
        verbose_name = "mentions légales"
        verbose_name_plural = "mentions légales"


class PrivacyPage(OneOffPage):
    """/confidentialite/: built from Paramètres du site (controller, contact, retention) and
    from what the site is configured to do (audience measurement, e-mail provider)."""

    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name="compléments",
        help_text=(
            "Facultatif, affiché après les rubriques écrites d'après les paramètres du site "
            "(responsable, données conservées et durées, droits, réclamation à la CNIL)."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*OneOffPage.search_fields, index.SearchField("body", boost=BODY)]

    class Meta:
        verbose_name = "page de confidentialité"
        verbose_name_plural = "pages de confidentialité"

    def get_context(self, request, *args, **kwargs):
        """What the site is configured to collect, so the page never says more or less than it does."""
        context = super().get_context(request, *args, **kwargs)
        context["contact_fields"] = list(
            ContactFormField.objects.filter(page__live=True)
            .order_by("page_id", "sort_order")
            .values_list("label", flat=True)
        )
        context["newsletter_provider"] = bool(settings.BREVO_API_KEY)
        context["audience_measurement"] = matomo() is not None
        return context


class AccessibilityPage(OneOffPage):
    """/accessibilite/: the accessibility statement, on the model of RGAA 4.1."""

    class Status(models.TextChoices):
        FULL = "full", "totalement conforme"
        PARTIAL = "partial", "partiellement conforme"
        NONE = "none", "non conforme"

    conformity_status = models.CharField(
        "état de conformité",
        max_length=8,
        choices=Status.choices,
        default=Status.NONE,
        help_text=(
            "Au sens du RGAA : « totalement » ou « partiellement conforme » seulement après un audit "
            "complet ; sans audit, le site est « non conforme ». Affiché dans le pied de chaque page."
        ),
    )
    compliance_rate = models.CharField(
        "taux de conformité",
        max_length=40,
        blank=True,
        help_text="Le résultat de l'audit, par exemple « 82 % des critères du RGAA respectés ». Vide sans audit.",
    )
    audit_date = models.DateField("date de l'évaluation", null=True, blank=True)
    audit_by = models.CharField(
        "évaluation réalisée par",
        max_length=200,
        blank=True,
        help_text="Qui a mené l'évaluation (équipe, prestataire).",
    )
    audit_scope = RichTextField(
        "périmètre et méthode",
        blank=True,
        features=TEXT_FEATURES,
        help_text="Les pages évaluées, les outils et la façon de faire.",
    )
    non_conforming = RichTextField(
        "contenus non accessibles",
        blank=True,
        features=TEXT_FEATURES,
        help_text="Les non-conformités connues, en termes que tout le monde comprend.",
    )
    derogations = RichTextField(
        "dérogations pour charge disproportionnée",
        blank=True,
        features=TEXT_FEATURES,
        help_text="Laissez vide s'il n'y en a pas : la page l'indiquera.",
    )
    exempt_content = RichTextField(
        "contenus non soumis à l'obligation",
        blank=True,
        features=TEXT_FEATURES,
        help_text="Par exemple des contenus de tiers que Le RAMEAU ne maîtrise pas. Vide : « aucun ».",
    )
    technologies = models.CharField(
        "technologies utilisées", max_length=200, blank=True, help_text="Par exemple « HTML, CSS, JavaScript »."
    )
    statement_date = models.DateField(
        "déclaration établie le", null=True, blank=True, help_text="À mettre à jour à chaque nouvelle évaluation."
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("conformity_status"), FieldPanel("compliance_rate"), FieldPanel("statement_date")],
            heading="État de conformité",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("audit_date"), FieldPanel("audit_by")]), FieldPanel("audit_scope")],
            heading="Évaluation",
        ),
        MultiFieldPanel(
            [FieldPanel("non_conforming"), FieldPanel("derogations"), FieldPanel("exempt_content")],
            heading="Contenus non accessibles",
        ),
        FieldPanel("technologies"),
    ]
    search_fields = [*OneOffPage.search_fields, index.SearchField("non_conforming", boost=BODY)]

    class Meta:
        verbose_name = "déclaration d'accessibilité"
        verbose_name_plural = "déclarations d'accessibilité"
