"""One publication of the library: what it is, who wrote it, where to get it, how to cite it."""

from __future__ import annotations

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q, Value
from django.http import HttpResponse
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from caching.restrictions import private_q
from core.documents import document_offered
from core.french_dates import MONTH
from core.french_dates import format_date as french_date
from core.inline_panels import RowsPanel
from core.search_weights import BODY, NAMES, SUMMARY
from core.stand_ins import is_stand_in
from core.structured_data import json_ld_script
from pages.blocks import ResearchTextBlock
from pages.models import BasePage
from people.models import link_people
from publications import citation, scholarly
from publications.catalogue import access_of
from publications.dates import PRECISIONS, iso_date, normalise
from publications.formatting import french_file_size
from publications.licences import LICENCE_CHOICES, LICENCES, Licence
from publications.validators import compact_isbn, normalise_doi, validate_doi, validate_hal_id, validate_isbn


class PublicationPage(RoutablePageMixin, BasePage):
    """A book, study, guide… with its download, its citation files and its structured data."""

    subtitle = models.CharField("sous-titre", max_length=255, blank=True)
    publication_type = models.ForeignKey(
        "publications.PublicationType",
        verbose_name="type",
        null=True,
        on_delete=models.SET_NULL,
        related_name="publications",
        help_text="Livre, étude, guide… La liste se complète dans Listes › Types de publication.",
    )
    publication_date = models.DateField(
        "date de publication", help_text="Pour une date connue au mois près, choisissez n'importe quel jour du mois."
    )
    date_precision = models.CharField(
        "précision de la date",
        max_length=8,
        choices=PRECISIONS,
        default=MONTH,
        help_text="Comment la date s'affiche et se cite.",
    )
    publisher = models.CharField(
        "éditeur",
        max_length=160,
        blank=True,
        default="Le RAMEAU",
        help_text="Maison d'édition ou organisme qui publie : « Éditions Dalloz », « Le RAMEAU ».",
    )
    collection = models.CharField(
        "collection", max_length=160, blank=True, help_text="Collection ou revue, par exemple « JURIS Associations »."
    )
    summary = models.TextField(
        "résumé",
        max_length=1200,
        help_text="Ce que le lecteur y trouvera, en quelques phrases. Repris dans la liste, le flux et les partages.",
    )
    body = StreamField(
        ResearchTextBlock(),
        blank=True,
        verbose_name="présentation détaillée",
        help_text="Texte libre avec ses notes : appelez une note en exposant et listez-la dans un bloc « Sources et notes ».",
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="couverture",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="La couverture, au format portrait de préférence.",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="fichier à télécharger",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Le PDF (ou autre document) en accès libre. Son format et son poids s'affichent à côté du lien.",
    )
    external_url = models.URLField(
        "lien externe",
        blank=True,
        help_text="Si la publication se lit ailleurs (éditeur, plateforme partenaire) : son adresse complète.",
    )
    external_link_text = models.CharField(
        "texte du lien externe",
        max_length=80,
        blank=True,
        default="Consulter la publication en ligne",
        help_text="Ce que dit le bouton du lien externe.",
    )
    availability = models.CharField(
        "disponibilité sans fichier ni lien",
        max_length=20,
        blank=True,
        choices=[("on_request", "Sur demande"), ("out_of_print", "Épuisé")],
        help_text="Quand la publication n'a ni fichier ni lien : les visiteurs le lisent sur la fiche et la liste.",
    )
    isbn = models.CharField(
        "ISBN",
        max_length=17,
        blank=True,
        validators=[validate_isbn],
        help_text="Seulement s'il y en a un : 10 ou 13 chiffres, tirets permis.",
    )
    doi = models.CharField(
        "DOI",
        max_length=200,
        blank=True,
        validators=[validate_doi],
        help_text="Seulement s'il y en a un, par exemple 10.3917/rfap.163.0591 (l'adresse doi.org complète est acceptée).",
    )
    hal_id = models.CharField(
        "identifiant HAL",
        max_length=60,
        blank=True,
        validators=[validate_hal_id],
        help_text="Si la publication est déposée dans HAL : son identifiant, par exemple halshs-01234567.",
    )
    licence = models.CharField(
        "licence",
        max_length=24,
        blank=True,
        choices=LICENCE_CHOICES,
        help_text="Les conditions de réutilisation, affichées avec un lien vers leur texte. Laissez vide si elles ne sont pas connues.",
    )
    themes = ParentalManyToManyField(
        "pages.Theme",
        blank=True,
        related_name="publications",
        verbose_name="thèmes",
        help_text="Les thèmes servent de filtres dans la bibliothèque ; ils sont partagés avec les webinaires.",
    )
    partners = ParentalManyToManyField(
        "pages.Partner",
        blank=True,
        related_name="publications",
        verbose_name="organisations partenaires",
        help_text="Les organisations associées à ce travail (co-éditeurs, financeurs, partenaires de recherche).",
    )
    centres = ParentalManyToManyField(
        "resources.ResourceCentrePage",
        blank=True,
        related_name="publications",
        verbose_name="centres de ressources liés",
        help_text="La publication s'affichera aussi sur la page de ces centres de ressources.",
    )
    programmes = ParentalManyToManyField(
        "programmes.ProgrammePage",
        blank=True,
        related_name="publications",
        verbose_name="programmes de recherche",
        help_text="Le ou les programmes dont la publication est issue ; elle s'affichera sur leur page.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("subtitle"),
        MultiFieldPanel(
            [
                FieldPanel("publication_type", widget=forms.Select),  # ten or so types: a list, not a pop-up
                FieldRowPanel([FieldPanel("publication_date"), FieldPanel("date_precision")]),
                FieldRowPanel([FieldPanel("publisher"), FieldPanel("collection")]),
                FieldPanel("isbn"),
            ],
            heading="Références",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("doi"), FieldPanel("hal_id")]), FieldPanel("licence")],
            heading="Identifiants et licence",
            help_text="Facultatifs : ils aident les moteurs de recherche scientifiques et les bibliothèques.",
        ),
        RowsPanel(
            "authors",
            label="Auteur",
            heading="Auteurs",
            help_text="Dans l'ordre de la couverture. Pour un collectif, seul le nom suffit.",
        ),
        FieldPanel("summary", heading="Résumé (affiché sur la page)"),
        FieldPanel(
            "cover_image",
            help_text=(
                "La couverture, au format portrait de préférence : sur la page et dans la bibliothèque. "
                "L'« image de vignette » de l'onglet « Promotion » est facultative pour une publication."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("document"),
                FieldPanel("external_url"),
                FieldPanel("external_link_text"),
                FieldPanel("availability"),
            ],
            heading="Accès",
            help_text="Un fichier à télécharger, un lien externe, ou les deux ; sinon, sa disponibilité.",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
                FieldPanel("centres", widget=forms.CheckboxSelectMultiple),
                FieldPanel("programmes", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Thèmes et liens",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("subtitle", boost=SUMMARY),
        index.SearchField("summary", boost=SUMMARY),
        index.SearchField("body", boost=BODY),
        index.SearchField("publisher", boost=NAMES),
        index.SearchField("collection", boost=NAMES),
        index.SearchField("isbn", boost=NAMES),
        # Autocomplete too: the admin's page search matches on autocomplete fields only.
        index.RelatedFields(
            "authors",
            [
                index.SearchField("first_name", boost=NAMES),
                index.SearchField("last_name", boost=NAMES),
                index.AutocompleteField("first_name"),
                index.AutocompleteField("last_name"),
            ],
        ),
        index.RelatedFields(
            "publication_type", [index.SearchField("name", boost=NAMES), index.AutocompleteField("name")]
        ),
        # The words of the PDF, read when the document was saved (publications.document_text).
        index.SearchField("document_text", boost=BODY),
    ]

    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types: list[str] = []
    preload_related = (*BasePage.preload_related, "publication_type", "cover_image", "document")

    def prepare_for_cache(self) -> None:
        """Its authors, themes and partners travel with the page kept by routing (same version),
        and the document's size is known (Wagtail measures it lazily, then saves it)."""
        super().prepare_for_cache()
        self.author_list(), self.theme_list(), self.partner_list()
        self.document_size  # noqa: B018 (fills document.file_size before the page is kept)

    class Meta:
        verbose_name = "publication"
        verbose_name_plural = "publications"

    def clean(self) -> None:
        super().clean()
        if self.publication_date:
            self.publication_date = normalise(self.publication_date, self.date_precision)
        if self.isbn:
            self.isbn = self.isbn.strip()
        self.doi = normalise_doi(self.doi)
        self.hal_id = self.hal_id.strip()

    # What templates, feeds and citations show -------------------------------------------

    @property
    def display_date(self) -> str:
        return french_date(self.publication_date, self.date_precision)

    @property
    def iso_date(self) -> str:
        return iso_date(self.publication_date, self.date_precision)

    @property
    def isbn_compact(self) -> str:
        return compact_isbn(self.isbn)

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def hal_url(self) -> str:
        return f"https://hal.science/{self.hal_id}" if self.hal_id else ""

    @property
    def licence_info(self) -> Licence | None:
        return LICENCES.get(self.licence)

    def document_text(self) -> str:
        """The words of the PDF, for the search index only (one query, none without a document)."""
        from publications.document_text import text_of

        return text_of(self.document_id)

    def author_list(self) -> list[PublicationAuthor]:
        """The authors in cover order, read once per page view (listings prefetch them)."""
        if "_author_list" not in self.__dict__:
            self.__dict__["_author_list"] = list(self.authors.all())
        return self.__dict__["_author_list"]

    def theme_list(self) -> list:
        if "_theme_list" not in self.__dict__:
            self.__dict__["_theme_list"] = list(self.themes.all())
        return self.__dict__["_theme_list"]

    def partner_list(self) -> list:
        if "_partner_list" not in self.__dict__:
            self.__dict__["_partner_list"] = list(self.partners.all())
        return self.__dict__["_partner_list"]

    @property
    def authors_display(self) -> str:
        return citation.join_names([author.display_name for author in self.author_list()])

    @property
    def byline(self) -> str:
        """Authors, then the publisher unless it only repeats them (« Le RAMEAU · Le RAMEAU »)."""
        authors = [author.display_name for author in self.author_list()]
        names = citation.join_names(authors)
        publisher = self.publisher.strip()
        parts = {part.strip().casefold() for part in publisher.replace("–", "-").split(" - ")}
        if not publisher or parts <= {name.casefold() for name in authors}:
            return names
        return f"{names} · {publisher}" if names else publisher

    @property
    def has_stand_in_document(self) -> bool:
        """Its document only stands in for the PDF (core/stand_ins.py): visitors ask for the work."""
        return self.document_id is not None and is_stand_in(self.document)

    @property
    def access(self) -> str:
        """How a reader gets it, for the cards and the filter: "pdf", "en-ligne", or the
        availability staff set ("on_request", "out_of_print"), else "". A stand-in PDF is
        not the work: the publication is then « sur demande »."""
        return access_of(self.document_id, self.has_stand_in_document, self.external_url, self.availability)

    @property
    def access_label(self) -> str:
        labels = {"pdf": "PDF", "en-ligne": "En ligne", **dict(self._meta.get_field("availability").choices)}
        return labels.get(self.access, "")

    @property
    def document_format(self) -> str:
        return self.document.file_extension.upper() if self.document else ""

    @property
    def document_size(self) -> str:
        """« 1,2 Mo » in French; empty when the size is unknown."""
        if not self.document:
            return ""
        return french_file_size(self.document.get_file_size())

    search_result_label = "Publication"

    def get_meta_description(self) -> str:
        return self.search_description or self.listing_summary or self.summary

    def search_result_date(self) -> str:
        return self.display_date

    def get_sharing_image(self):
        return self.social_image or self.cover_image or self.listing_image

    def live_centres(self) -> list:
        """The published centres this work belongs to (read from memory too, for previews).

        The centres come as full pages with the relation, so live and private are checked on
        them: one query, not a second one to filter.
        """
        from caching.restrictions import is_public

        return sorted((c for c in self.centres.all() if c.live and is_public(c)), key=lambda c: c.title)

    def related_pks(self, limit: int = 3) -> list[int] | None:
        """Pks of the publications sharing the most themes, then the same type, newest first,
        ranked on the library's catalogue (read once per content version, see catalogue.py)
        instead of counting shared themes over every publication in SQL at each visit; None
        for a page not yet in the tree (its first preview)."""
        from publications import catalogue

        index = self.parent_page() if self.pk and self.path else None
        if index is None or index.specific_class is not apps.get_model("publications", "PublicationIndexPage"):
            return None
        theme_set = {theme.pk for theme in self.theme_list()}
        return catalogue.related(catalogue.of_library(index), self.pk, self.publication_type_id, theme_set, limit)

    def related_publications(self, limit: int = 3) -> list[PublicationPage]:
        """Publications sharing the most themes, then the same type, newest first (see
        `related_pks`); the SQL below remains for a page not yet in the tree."""
        from publications import catalogue
        from publications.queries import attach_covers

        pks = self.related_pks(limit)
        if pks is not None:
            queryset = PublicationPage.objects.select_related("publication_type").prefetch_related("authors")
            return attach_covers(catalogue.fetch(pks, queryset))

        theme_ids = [theme.pk for theme in self.theme_list()]
        shared = Count("themes", filter=Q(themes__in=theme_ids), distinct=True) if theme_ids else Value(0)
        candidates = (
            PublicationPage.objects.live()
            .exclude(private_q())
            .exclude(pk=self.pk)
            .annotate(shared_themes=shared)
            .filter(
                Q(shared_themes__gt=0) | Q(publication_type_id=self.publication_type_id, publication_type__isnull=False)
            )
            .order_by("-shared_themes", "-publication_date", "title")
            .select_related("publication_type")
            .prefetch_related("authors")
        )
        return attach_covers(candidates[:limit])

    def get_context(self, request, *args, **kwargs):
        from caching.data import remember
        from publications.queries import publication_cards

        context = super().get_context(request, *args, **kwargs)
        link_people(self.author_list(), request)
        context["citation_text"] = citation.french_citation(self, request)
        context["document_available"] = document_offered(self.document, request)
        context["json_ld"] = json_ld_script(citation.json_ld(self, request))
        context["scholarly_meta"] = [
            *scholarly.highwire_tags(self, request),
            *scholarly.dublin_core_tags(self, request),
        ]
        context["bibtex_url"] = self.url + "citation.bib"
        context["ris_url"] = self.url + "citation.ris"
        pks = self.related_pks()
        if pks is None:
            pks = [publication.pk for publication in self.related_publications()]
        context["related_cards"] = publication_cards(request, pks)
        if getattr(request, "is_preview", False):  # the draft's own centres
            context["centres"] = self.live_centres()
        else:
            context["centres"] = remember(request, f"publication-centres:{self.pk}", self.live_centres)
        context["library_url"] = self.parent_page(request).get_url(request)
        if getattr(request, "is_preview", False):
            context["programmes"] = self.live_programmes()
        else:
            context["programmes"] = remember(request, f"publication-programmes:{self.pk}", self.live_programmes)
        return context

    def live_programmes(self) -> list:
        """The published programmes this work comes from (read from memory too, for previews)."""
        from caching.restrictions import is_public

        return [p for p in self.programmes.all() if p.live and is_public(p)]

    # Citation files, routed under the page (/publications/<slug>/citation.bib) ----------

    @path("citation.bib/", name="bibtex")
    def bibtex_view(self, request) -> HttpResponse:
        return citation.file_response(citation.bibtex(self, request), f"{self.slug}.bib", "application/x-bibtex")

    @path("citation.ris/", name="ris")
    def ris_view(self, request) -> HttpResponse:
        return citation.file_response(
            citation.ris(self, request), f"{self.slug}.ris", "application/x-research-info-systems"
        )


class PublicationAuthor(Orderable):
    """A person or a collective, in the order of the cover; structured so citations invert names."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "people.PersonPage",
        verbose_name="page de la personne",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="authorships",
        help_text="Si l'auteur a une page sur le site : son nom y mènera. Prénom et nom vides : repris de sa page.",
    )
    first_name = models.CharField(
        "prénom", max_length=80, blank=True, help_text="Laissez vide pour un collectif ou une organisation."
    )
    last_name = models.CharField(
        "nom",
        max_length=160,
        blank=True,
        help_text="Nom de famille, ou nom du collectif : « Collectif G10 », « Le RAMEAU ». Tel qu'imprimé sur la publication.",
    )

    panels = [FieldPanel("person"), FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")])]

    class Meta(Orderable.Meta):
        verbose_name = "auteur"
        verbose_name_plural = "auteurs"

    def __str__(self) -> str:
        return self.display_name

    def clean(self) -> None:
        """The names stay as printed on the publication; from the person's page when left empty."""
        super().clean()
        if not self.last_name and self.person_id:
            person = self.person
            self.first_name = self.first_name or person.given_name
            self.last_name = person.family_name or person.title
        if not self.last_name:
            raise ValidationError({"last_name": "Indiquez le nom de l'auteur, ou choisissez sa page."})

    @property
    def is_organisation(self) -> bool:
        return not self.first_name

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def inverted_name(self) -> str:
        """« Heidsieck, Charles-Benoît », as BibTeX and RIS expect."""
        return f"{self.last_name}, {self.first_name}" if self.first_name else self.last_name
