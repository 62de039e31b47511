"""Site-wide settings staff edit in Paramètres: contact details and menus."""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from caching.data import remember
from caching.sites import site_for_request

from .legal_settings import LegalSettingsMixin


@register_setting(icon="site")
class SiteSettings(LegalSettingsMixin, BaseSiteSetting):
    """Who Le RAMEAU is and how to reach it, shown in the footer and on the contact page."""

    select_related = ["default_social_image"]

    organisation_name = models.CharField("nom de l'organisation", max_length=120, default="Le RAMEAU")
    tagline = models.CharField(
        "signature", max_length=120, blank=True, help_text="Courte phrase affichée sous le nom, dans l'en-tête."
    )
    address = models.TextField("adresse postale", blank=True, help_text="Une ligne par ligne d'adresse.")
    phone = models.CharField("téléphone", max_length=40, blank=True)
    email = models.EmailField("courriel", blank=True)
    footer_text = models.TextField(
        "texte du pied de page",
        blank=True,
        max_length=400,
        help_text="Une ou deux phrases qui présentent l'association.",
    )
    linkedin_url = models.URLField("LinkedIn", blank=True)
    x_url = models.URLField("X (Twitter)", blank=True)
    youtube_url = models.URLField("YouTube", blank=True)
    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image de partage par défaut",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Montrée quand une page sans image propre est partagée (1200 × 630 px idéalement).",
    )
    press_contact_name = models.CharField(
        "contact presse",
        max_length=120,
        blank=True,
        help_text="La personne que les journalistes peuvent joindre, affichée sur la page Presse.",
    )
    press_contact_email = models.EmailField("courriel presse", blank=True)
    press_contact_phone = models.CharField("téléphone presse", max_length=40, blank=True)
    show_check_markers = models.BooleanField(
        "signaler les informations à confirmer",
        default=True,
        help_text=(
            "Coché : tant qu'un point de Rapports › Contenus à vérifier est ouvert, sa page ou son chiffre "
            "clé porte la mention discrète « information à confirmer ». À décocher pour la mise en ligne si "
            "vous préférez ne rien signaler ; la note elle-même n'est jamais affichée."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("tagline"), FieldPanel("footer_text")], heading="Identité"
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading="Coordonnées",
            help_text=(
                "Saisies ici une seule fois : le pied de page, la page Contact, les mentions légales, la page "
                "Presse (à défaut d'un contact presse) et le bloc « Coordonnées » des pages les reprennent. "
                "Ne les recopiez pas dans le texte d'une page : elles n'y seraient plus mises à jour."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("linkedin_url"), FieldPanel("x_url"), FieldPanel("youtube_url")], heading="Réseaux sociaux"
        ),
        FieldPanel("default_social_image"),
        MultiFieldPanel(
            [FieldPanel("press_contact_name"), FieldPanel("press_contact_email"), FieldPanel("press_contact_phone")],
            heading="Contact presse",
            help_text="Affiché sur la page Presse ; laissé vide, la page reprend les coordonnées générales.",
        ),
        *LegalSettingsMixin.legal_panels,
        MultiFieldPanel([FieldPanel("show_check_markers")], heading="Informations à confirmer"),
    ]

    class Meta:
        verbose_name = "paramètres du site"

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [("LinkedIn", self.linkedin_url), ("X", self.x_url), ("YouTube", self.youtube_url)]
        return [(name, url) for name, url in links if url]


class MenuPageBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label="Page")
    label = blocks.CharBlock(
        label="Libellé", required=False, max_length=40, help_text="Laissez vide pour reprendre le titre de la page."
    )

    class Meta:
        icon = "doc-empty"
        label = "Page du site"
        label_format = "{page}"  # the block, folded, shows the chosen page's title


class MenuLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label="Adresse")
    label = blocks.CharBlock(label="Libellé", max_length=40)

    class Meta:
        icon = "link-external"
        label = "Lien externe"
        label_format = "{label}"


def menu_field(verbose_name: str, help_text: str) -> StreamField:
    return StreamField(
        [("page", MenuPageBlock()), ("link", MenuLinkBlock())],
        blank=True,
        verbose_name=verbose_name,
        help_text=help_text,
    )


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """The header menu and the footer links, in the order staff give them."""

    primary_menu = menu_field(
        "menu principal", "Les rubriques de l'en-tête, dans l'ordre d'affichage (6 au plus conseillées)."
    )
    footer_menu = menu_field("liens du pied de page", "Mentions légales, contact, accessibilité…")

    panels = [FieldPanel("primary_menu"), FieldPanel("footer_menu")]

    class Meta:
        verbose_name = "navigation"


def site_settings(request: HttpRequest) -> SiteSettings | None:
    """The request's site settings, read once per content version (every page shows them)."""
    site = site_for_request(request)
    if site is None:
        return None
    return remember(request, f"site-settings:{site.pk}", lambda: SiteSettings.for_site(site))
