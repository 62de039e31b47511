"""Snippets edited once and reused on many pages: partners and key figures."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from core.widgets import YEAR_WIDGET


class Partner(index.Indexed, models.Model):
    """An organisation Le RAMEAU works with; shown with its logo wherever it is cited."""

    name = models.CharField("nom", max_length=160, unique=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Logo sur fond clair, de préférence en PNG transparent.",
    )
    website = models.URLField("site web", blank=True, help_text="Adresse complète, par exemple https://www.orse.org/")
    description = models.TextField(
        "présentation",
        blank=True,
        max_length=400,
        help_text="Une phrase sur ce que ce partenaire construit avec Le RAMEAU.",
    )

    panels = [FieldPanel("name"), FieldPanel("logo"), FieldPanel("website"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "partenaire"
        verbose_name_plural = "partenaires"

    def __str__(self) -> str:
        return self.name


class KeyFigure(index.Indexed, models.Model):
    """A figure quoted by the site, always with the year it describes and its source.

    The qualifier keeps a source's « plus de 500 » from being shown as an exact « 500 ».
    """

    QUALIFIERS = [("plus_de", "plus de"), ("pres_de", "près de"), ("environ", "environ")]

    qualifier = models.CharField(
        "précision",
        max_length=10,
        blank=True,
        choices=QUALIFIERS,
        help_text="Laissez vide si la source donne le chiffre exact ; sinon, recopiez sa précision.",
    )
    value = models.CharField(
        "valeur", max_length=40, help_text="Le chiffre tel qu'il s'affiche en grand : « 1 000 », « 81 % », « 100 M€ »."
    )
    label = models.CharField(
        "libellé",
        max_length=200,
        help_text="Ce que mesure le chiffre, lu à sa suite : « exemples inspirants recensés ».",
    )
    year = models.PositiveSmallIntegerField(
        "année",
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text="L'année à laquelle le chiffre se rapporte.",
    )
    source = models.CharField(
        "source", max_length=255, blank=True, help_text="D'où vient le chiffre : étude, rapport, organisme."
    )
    source_url = models.URLField("lien vers la source", blank=True)

    panels = [
        FieldPanel("qualifier"),
        FieldPanel("value"),
        FieldPanel("label"),
        MultiFieldPanel(
            [FieldPanel("year", widget=YEAR_WIDGET), FieldPanel("source"), FieldPanel("source_url")], heading="Origine"
        ),
    ]
    search_fields = [
        index.SearchField("value"),
        index.SearchField("label"),
        index.AutocompleteField("label"),
        index.SearchField("source"),
    ]

    class Meta:
        ordering = ["-year", "label"]
        verbose_name = "chiffre clé"
        verbose_name_plural = "chiffres clés"

    def __str__(self) -> str:
        suffix = f" ({self.year})" if self.year else ""
        return f"{self.display_value} {self.label}{suffix}"

    @property
    def display_value(self) -> str:
        """The value as the source states it: « plus de 500 »."""
        return f"{self.get_qualifier_display()} {self.value}" if self.qualifier else self.value


class TaxonomyTerm(index.Indexed, models.Model):
    """A short list value staff manage once and reuse for filtering (audience, theme)."""

    name = models.CharField("nom", max_length=80, unique=True)
    slug = models.SlugField(
        "identifiant d'adresse",
        max_length=80,
        unique=True,
        help_text="Utilisé dans les adresses de filtre (?public=…).",
    )
    description = models.CharField("description", max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(
        "ordre", default=0, help_text="Les plus petits nombres s'affichent en premier."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Audience(TaxonomyTerm):
    """Who a resource is for: collectivités, associations, entreprises, fondations…"""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "public"
        verbose_name_plural = "publics"


class Theme(TaxonomyTerm):
    """What a publication or a webinar is about; shared by both so visitors can cross them."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "thème"
        verbose_name_plural = "thèmes"
