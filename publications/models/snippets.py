"""The publication types staff extend (livre, étude, rapport…), each with its bibliographic nature."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

# What a type is, bibliographically: it decides the schema.org type, the BibTeX entry and the
# RIS type, so a new type added by staff is cited correctly without touching code.
NATURES = {
    "book": {"label": "Livre", "schema": "Book", "bibtex": "book", "ris": "BOOK"},
    "report": {"label": "Rapport, étude, guide, note", "schema": "Report", "bibtex": "techreport", "ris": "RPRT"},
    "article": {
        "label": "Article, cahier de recherche, dossier",
        "schema": "ScholarlyArticle",
        "bibtex": "article",
        "ris": "JOUR",
    },
    "proceedings": {"label": "Actes de colloque", "schema": "Report", "bibtex": "proceedings", "ris": "CONF"},
}


class PublicationType(index.Indexed, models.Model):
    """A kind of publication, used to filter the library and to cite each work properly."""

    name = models.CharField(
        "nom", max_length=80, unique=True, help_text="Au singulier, par exemple « Étude » ou « Livre blanc »."
    )
    name_plural = models.CharField(
        "nom au pluriel",
        max_length=80,
        blank=True,
        help_text="Par exemple « Études » ; laissé vide, le nom est repris tel quel.",
    )
    slug = models.SlugField(
        "identifiant d'adresse",
        max_length=80,
        unique=True,
        help_text="Utilisé dans les adresses de filtre (?type=…) : ne le changez plus une fois publié.",
    )
    nature = models.CharField(
        "nature bibliographique",
        max_length=20,
        choices=[(key, value["label"]) for key, value in NATURES.items()],
        default="report",
        help_text="Décide de la façon dont la publication est citée (BibTeX, RIS) et décrite aux moteurs de recherche.",
    )
    sort_order = models.PositiveSmallIntegerField(
        "ordre", default=0, help_text="Les plus petits nombres s'affichent en premier dans les filtres."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("name_plural"),
        FieldPanel("slug"),
        FieldPanel("nature"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "type de publication"
        verbose_name_plural = "types de publication"

    def __str__(self) -> str:
        return self.name

    @property
    def schema_type(self) -> str:
        return NATURES.get(self.nature, NATURES["report"])["schema"]

    @property
    def bibtex_type(self) -> str:
        return NATURES.get(self.nature, NATURES["report"])["bibtex"]

    @property
    def ris_type(self) -> str:
        return NATURES.get(self.nature, NATURES["report"])["ris"]
