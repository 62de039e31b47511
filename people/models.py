"""The team: one page per person under « L'équipe », grouped there in sections staff order.

A person is a page rather than a snippet: it has its own address (/qui-sommes-nous/equipe/<nom>/)
that publications and webinars link to, its revisions, moderation, preview, search result,
sitemap entry and redirects when renamed, all of which Wagtail gives pages and not snippets.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.search_weights import BODY, NAMES, SUMMARY
from pages.blocks import INLINE_FEATURES
from pages.models import BasePage

ORCID_PATTERN = re.compile(r"^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$")


def orcid_checksum_ok(orcid: str) -> bool:
    """ISO 7064 11,2, as ORCID computes its last character."""
    digits = orcid.replace("-", "")
    total = 0
    for char in digits[:-1]:
        total = (total + int(char)) * 2
    result = (12 - total % 11) % 11
    return digits[-1] == ("X" if result == 10 else str(result))


def validate_orcid(value: str) -> None:
    value = value.strip()
    if not ORCID_PATTERN.match(value) or not orcid_checksum_ok(value):
        raise ValidationError(
            "Un identifiant ORCID s'écrit en quatre groupes de quatre chiffres, par exemple 0000-0002-1825-0097 "
            "(le dernier caractère peut être un X) ; celui-ci n'est pas valide."
        )


class PersonPage(BasePage):
    """A member of the team, the board or the scientific committee, or an author."""

    given_name = models.CharField(
        "prénom", max_length=80, blank=True, help_text="Pour les citations et les moteurs de recherche."
    )
    family_name = models.CharField(
        "nom de famille",
        max_length=120,
        blank=True,
        help_text="Pour les citations (« Heidsieck, Charles-Benoît ») et les moteurs de recherche.",
    )
    role = models.CharField(
        "fonction",
        max_length=200,
        blank=True,
        help_text="Telle qu'elle s'affiche sous le nom : « Président-fondateur », « Directrice scientifique ».",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="photo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Un portrait, de préférence carré ; seulement avec l'accord de la personne.",
    )
    photo_alt = models.CharField(
        "texte alternatif de la photo",
        max_length=200,
        blank=True,
        help_text="Ce que montre la photo pour qui ne la voit pas. Par défaut : « Portrait de » suivi du nom.",
    )
    biography = RichTextField(
        "biographie",
        blank=True,
        features=INLINE_FEATURES,
        help_text="Quelques lignes : parcours, travaux, rôle au RAMEAU.",
    )
    orcid = models.CharField(
        "ORCID",
        max_length=19,
        blank=True,
        validators=[validate_orcid],
        help_text="L'identifiant de chercheur, par exemple 0000-0002-1825-0097 (sans l'adresse).",
    )
    hal_url = models.URLField(
        "page HAL", blank=True, help_text="L'adresse de sa page d'auteur sur HAL, par exemple https://cv.hal.science/…"
    )
    linkedin_url = models.URLField("LinkedIn", blank=True, help_text="L'adresse complète de son profil LinkedIn.")
    website_url = models.URLField("page personnelle", blank=True, help_text="Un site personnel ou professionnel.")
    email = models.EmailField("courriel", blank=True, help_text="Affiché seulement si la case ci-dessous est cochée.")
    show_email = models.BooleanField(
        "afficher le courriel",
        default=False,
        help_text="Cochez seulement si la personne accepte que son adresse soit publiée.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("given_name"), FieldPanel("family_name")], heading="Nom pour les citations"),
        FieldPanel("role"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading="Photo"),
        FieldPanel("biography"),
        MultiFieldPanel(
            [FieldPanel("orcid"), FieldPanel("hal_url"), FieldPanel("linkedin_url"), FieldPanel("website_url")],
            heading="Liens",
        ),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("show_email")], heading="Courriel"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("role", boost=NAMES),
        index.SearchField("biography", boost=BODY),
    ]

    parent_page_types = ["people.TeamPage"]
    subpage_types: list[str] = []
    preload_related = (*BasePage.preload_related, "photo")
    search_result_label = "Personne"

    class Meta:
        verbose_name = "personne"
        verbose_name_plural = "personnes"

    def clean(self) -> None:
        super().clean()
        self.orcid = self.orcid.strip().upper()

    @property
    def portrait_alt(self) -> str:
        return self.photo_alt or f"Portrait de {self.title}"

    @property
    def orcid_url(self) -> str:
        return f"https://orcid.org/{self.orcid}" if self.orcid else ""

    @property
    def public_email(self) -> str:
        return self.email if self.show_email else ""

    def external_links(self) -> list[tuple[str, str]]:
        """(label, address) of the person's profiles elsewhere, in a fixed order."""
        links = [
            ("ORCID", self.orcid_url),
            ("HAL", self.hal_url),
            ("LinkedIn", self.linkedin_url),
            ("Page personnelle", self.website_url),
        ]
        return [(label, url) for label, url in links if url]

    def get_meta_description(self) -> str:
        return self.search_description or self.listing_summary or self.role

    def get_sharing_image(self):
        return self.social_image or self.listing_image or self.photo

    def get_context(self, request, *args, **kwargs):
        from core.backlinks import PERSON_SECTIONS_HOOK, linked_content
        from core.structured_data import json_ld_script
        from people.structured_data import person

        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = json_ld_script(person(self, request))
        context["team_page"] = self.parent_page(request)
        context.update(linked_content(self, request, PERSON_SECTIONS_HOOK))
        return context


class TeamSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label="Titre de la section", max_length=120, help_text="« L'équipe », « Le conseil d'administration »…"
    )
    intro = blocks.TextBlock(label="Introduction", required=False, max_length=400)
    members = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="people.PersonPage", label="Personne"),
        label="Personnes",
        help_text="Dans l'ordre d'affichage. Une personne peut figurer dans plusieurs sections.",
    )

    class Meta:
        icon = "group"
        label = "Section de l'équipe"
        template = "people/includes/team_section.html"
        preview_value = {"heading": "Le comité scientifique", "intro": "Les chercheurs qui accompagnent nos travaux."}
        description = (
            "Un groupe de personnes (équipe, conseil d'administration, comité scientifique…), dans l'ordre voulu."
        )


class TeamPage(BasePage):
    """« L'équipe » at /qui-sommes-nous/equipe/: its sections, in the order staff give them."""

    intro = models.TextField(
        "chapô", blank=True, max_length=600, help_text="Une ou deux phrases qui présentent les personnes du RAMEAU."
    )
    sections = StreamField(
        [("section", TeamSectionBlock())],
        blank=True,
        verbose_name="sections",
        help_text=(
            "Créez d'abord les personnes (pages enfants de celle-ci), puis rangez-les ici ; "
            "une personne qui n'est dans aucune section n'apparaît pas sur cette page."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("sections")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro", boost=SUMMARY)]

    parent_page_types = ["pages.MissionPage"]
    subpage_types = ["people.PersonPage"]
    max_count = 1

    class Meta:
        verbose_name = "page « Équipe »"
        verbose_name_plural = "pages « Équipe »"

    def groups(self, request: HttpRequest | None = None) -> list[dict]:
        """Each section with its live, public members, their photos loaded together (two
        queries whatever the number of people: the members, then their photos)."""
        from caching.restrictions import is_public
        from core.listing import attach_images

        members = [person for block in self.sections for person in block.value["members"] if person is not None]
        attach_images(members, "photo")
        groups = []
        for block in self.sections:
            shown = [person for person in block.value["members"] if person is not None and person.live]
            shown = [person for person in shown if is_public(person)]
            if shown:
                groups.append({"heading": block.value["heading"], "intro": block.value["intro"], "members": shown})
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = self.groups(request)
        return context


def people_urls(person_ids, request: HttpRequest | None = None) -> dict[int, str]:
    """{pk: address} of the live, public person pages among these ids: one query per content
    version, so authors and speakers link to a person only while their page is online."""
    from caching.data import remember
    from caching.restrictions import private_q

    ids = sorted({pk for pk in person_ids if pk})
    if not ids:
        return {}

    def build() -> dict[int, str]:
        pages = PersonPage.objects.filter(pk__in=ids).live().exclude(private_q())
        return {page.pk: page.get_url(request) for page in pages}

    return remember(request, "people-urls:" + ",".join(map(str, ids)), build)


def link_people(items, request: HttpRequest | None = None) -> list:
    """Give each author or speaker (anything with `person_id`) its `person_url`, or ""."""
    items = list(items)
    urls = people_urls((item.person_id for item in items), request)
    for item in items:
        item.person_url = urls.get(item.person_id, "")
    return items
