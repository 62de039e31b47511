"""StreamField blocks shared by every page type.

Each block names its icon, template, preview value and description so that editors see
what it does in the block picker before inserting it.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from core.plugins import body_listing, home_section_choices, home_sections
from datavis import blocks as datavis
from datavis import maps
from pages.typography import TypographicStreamBlock

INLINE_FEATURES = ["bold", "italic", "link", "document-link"]
TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "superscript"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Titre", max_length=120)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Titre de section (h2)"), ("h3", "Sous-titre (h3)")],
        default="h2",
        help_text="Un titre de section (h2) ouvre une partie ; un sous-titre (h3) la subdivise.",
    )

    class Meta:
        icon = "title"
        label = "Titre"
        template = "components/blocks/heading.html"
        preview_value = {"text": "Comprendre le mouvement d'alliance", "level": "h2"}
        description = "Un titre qui structure la page (les lecteurs d'écran s'en servent pour naviguer)."


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Texte"
        template = "components/blocks/paragraph.html"
        preview_value = (
            "<p>Le RAMEAU observe, expérimente et partage en accès libre ce qu'il apprend des "
            "alliances entre associations, entreprises et collectivités.</p>"
        )
        description = "Du texte mis en forme : paragraphes, listes, liens et intertitres."


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Image")
    alt_text = blocks.CharBlock(
        label="Texte alternatif",
        required=False,
        max_length=250,
        help_text="Ce que montre l'image, pour qui ne la voit pas. Laissez vide si elle est purement décorative.",
    )
    caption = blocks.CharBlock(label="Légende", required=False, max_length=250)
    credit = blocks.CharBlock(
        label="Crédit",
        required=False,
        max_length=120,
        help_text="Auteur ou source de l'image, par exemple « © Le RAMEAU ».",
    )

    class Meta:
        icon = "image"
        label = "Image"
        template = "components/blocks/image.html"
        preview_value = {"caption": "Rencontre des pionniers des alliances en territoire", "credit": "© Le RAMEAU"}
        description = "Une image avec sa légende et son crédit."


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Citation", max_length=600)
    author = blocks.CharBlock(label="Auteur", required=False, max_length=120)
    role = blocks.CharBlock(
        label="Fonction", required=False, max_length=160, help_text="Fonction ou organisation de l'auteur."
    )

    class Meta:
        icon = "openquote"
        label = "Citation"
        template = "components/blocks/quote.html"
        preview_value = {
            "text": "Faire alliance n'est plus une option : c'est une façon de répondre ensemble aux fragilités.",
            "author": "Charles-Benoît Heidsieck",
            "role": "Président-fondateur du RAMEAU",
        }
        description = "Une citation mise en valeur, avec son auteur."


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Titre", required=False, max_length=120)
    figures = blocks.ListBlock(
        SnippetChooserBlock("pages.KeyFigure", label="Chiffre clé"),
        label="Chiffres clés",
        min_num=1,
        help_text="Chaque chiffre s'affiche avec sa source ; modifiez-le une fois dans « Chiffres clés ».",
    )

    class Meta:
        icon = "table"
        label = "Chiffres clés"
        template = "components/blocks/key_figures.html"
        preview_value = {"heading": "Le RAMEAU en chiffres", "figures": []}
        description = "Une rangée de chiffres clés, chacun avec son année et sa source."


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=120)
    text = blocks.TextBlock(label="Texte", required=False, max_length=400)
    page = blocks.PageChooserBlock(label="Page du site", required=False)
    url = blocks.URLBlock(label="Ou adresse externe", required=False)
    label = blocks.CharBlock(label="Texte du bouton", max_length=60)

    class Meta:
        icon = "pick"
        label = "Appel à l'action"
        template = "components/blocks/call_to_action.html"
        preview_value = {
            "title": "Découvrir nos travaux",
            "text": "Études, guides et référentiels, en accès libre.",
            "url": "https://www.lerameau.fr/",
            "label": "Explorer",
        }
        description = "Un encadré qui invite à une action, avec un bouton vers une page ou un site."

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Choisissez soit une page du site, soit une adresse externe (une seule)."
            raise blocks.StructBlockValidationError(non_block_errors=ErrorList([ValidationError(message)]))
        return value


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label="Adresse de la vidéo", help_text="Lien YouTube, Vimeo ou Dailymotion.")
    caption = blocks.CharBlock(label="Légende", required=False, max_length=250)

    class Meta:
        icon = "media"
        label = "Vidéo"
        template = "components/blocks/video.html"
        preview_value = {"caption": "Replay d'un webinaire du RAMEAU"}
        description = "Une vidéo intégrée (YouTube, Vimeo…) avec sa légende."


class TableBlock(TypedTableBlock):
    """A data table: one type per column, headings in the first row, an optional caption."""

    text = blocks.CharBlock(label="Texte", required=False, max_length=500)
    rich_text = blocks.RichTextBlock(label="Texte avec liens", features=INLINE_FEATURES, required=False)

    class Meta:
        icon = "table"
        label = "Tableau"
        template = "components/blocks/table.html"
        preview_value = {
            "caption": "Le RAMEAU en quelques dates",
            "columns": [{"type": "text", "heading": "Année"}, {"type": "text", "heading": "Étape"}],
            "rows": [
                {"values": ["2006", "Création du RAMEAU"]},
                {"values": ["2008", "Observatoire des partenariats"]},
            ],
        }
        description = "Un tableau de données : chaque colonne a son titre ; la légende dit ce que montre le tableau."

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["has_headings"] = any(column["heading"] for column in value.columns)
        return context


class SourceBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label="Référence", features=INLINE_FEATURES)
    url = blocks.URLBlock(label="Lien", required=False)

    class Meta:
        icon = "link"
        label = "Source"


class SourcesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Titre", default="Sources", max_length=80)
    items = blocks.ListBlock(SourceBlock(), label="Références", min_num=1)

    class Meta:
        icon = "list-ol"
        label = "Sources et notes"
        template = "components/blocks/sources.html"
        preview_value = {
            "heading": "Sources",
            "items": [
                {"text": "<p>Observatoire des partenariats, programme PHARE 2015-2017.</p>", "url": ""},
            ],
        }
        description = "La liste numérotée des sources et notes d'un texte de recherche."


class PartnerChooserBlock(SnippetChooserBlock):
    """Fetches the chosen partners with their logos in one query."""

    def bulk_to_python(self, values):
        partners = self.model_class.objects.select_related("logo").in_bulk(values)
        return [partners.get(value) for value in values]


class PartnersBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Titre", required=False, max_length=120)
    partners = blocks.ListBlock(PartnerChooserBlock("pages.Partner", label="Partenaire"), label="Partenaires")

    class Meta:
        icon = "group"
        label = "Partenaires"
        template = "components/blocks/partners.html"
        preview_value = {"heading": "Ils construisent avec nous", "partners": []}
        description = (
            "Les logos et noms de partenaires, chacun relié à son site, puis un lien vers la page « Partenaires »."
        )

    def get_context(self, value, parent_context=None):
        """The address of the partners page, where each partner's shared work is told."""
        from django.apps import apps

        from caching.lookups import first_live_page

        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        page = first_live_page(apps.get_model("pages", "PartnersPage"), request)  # blocks come before models
        context["partners_page_url"] = page.get_url(request) if page else ""
        return context


class ContactDetailsBlock(blocks.StaticBlock):
    class Meta:
        icon = "mail"
        label = "Coordonnées"
        template = "components/blocks/contact_details.html"
        admin_text = "Affiche l'adresse, le téléphone et le courriel saisis dans Paramètres › Paramètres du site."
        preview_value = None
        description = "Les coordonnées du RAMEAU, tenues à jour depuis les paramètres du site."


class NewsletterSignupBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Titre", max_length=120, default="Recevoir nos lettres d'information")
    text = blocks.TextBlock(
        label="Texte",
        required=False,
        max_length=400,
        help_text="Une phrase d'invitation, facultative. Les lettres proposées sont celles cochées « proposée ».",
    )

    class Meta:
        icon = "mail"
        label = "Inscription aux lettres"
        template = "components/blocks/newsletter_signup.html"
        preview_value = {
            "heading": "Recevoir nos lettres d'information",
            "text": "Choisissez les lettres qui vous intéressent ; un courriel vous demandera de confirmer.",
        }
        description = "Le formulaire d'inscription aux lettres d'information (double confirmation par courriel)."


class ChartBlock(datavis.ChartBlock):
    """The chart block, fed by the site's key figures or by a small table."""

    figures = datavis.figures_block("pages.KeyFigure")


def milestone_choices() -> list[tuple[str, str]]:
    """The history's milestones, for a map's places to link to (read when the form is drawn)."""
    milestones = apps.get_model("pages", "HistoryMilestone").objects.order_by("page_id", "sort_order")
    return [(str(milestone.pk), str(milestone)) for milestone in milestones]


class PlaceBlock(maps.PlaceBlock):
    milestone = blocks.ChoiceBlock(
        label="Ou une étape de l'histoire",
        choices=milestone_choices,
        required=False,
        help_text="Le lieu mène alors à cette étape de la frise (elle l'emporte sur la page liée).",
    )

    class Meta:
        form_layout = ["name", "area", "text", "milestone", "page"]

    def links(self, places: list) -> list[str]:
        """A chosen milestone first (its anchor in the history page), else the page."""
        wanted = {int(place["milestone"]) for place in places if place.get("milestone")}
        milestones = (
            apps.get_model("pages", "HistoryMilestone").objects.select_related("page").in_bulk(wanted) if wanted else {}
        )
        links = super().links(places)
        for index, place in enumerate(places):
            milestone = milestones.get(int(place["milestone"])) if place.get("milestone") else None
            if milestone is not None and milestone.page.live:
                links[index] = f"{milestone.page.url}#{milestone.anchor}"
        return links


class FranceMapBlock(maps.FranceMapBlock):
    places = blocks.ListBlock(PlaceBlock(), label="Lieux", min_num=1)


#: Blocks whose title is an h2 when they have one (the heading and the charts say their level).
TITLED_H2_BLOCKS = {"key_figures", "partners", "call_to_action", "sources", "newsletter_signup", "section"}


def opens_section(child) -> bool:
    """Whether a body block puts an h2 into the page's outline, so an h3 may follow it."""
    value = child.value
    if child.block_type == "heading":
        return value.get("level") == "h2"
    if child.block_type in ("chart", "france_map"):
        return datavis.heading_tag(value) == "h2"
    if child.block_type in ("key_figures", "partners"):
        return bool(value.get("heading"))
    if child.block_type == "centre_news":
        return bool(value.get("title"))
    return child.block_type in TITLED_H2_BLOCKS


class OutlineStreamBlock(TypographicStreamBlock):
    """A body whose charts and maps keep the page's outline whole: one titled « Sous-titre
    (h3) » must come after an h2 of the same body, else it would follow the page's h1 (or a
    section of the template it does not belong to) and skip a level (WCAG 1.3.1)."""

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        seen_section = False
        for index, child in enumerate(value):
            if child.block_type in ("chart", "france_map") and datavis.heading_tag(child.value) == "h3":
                if not seen_section:
                    errors[index] = blocks.StructBlockValidationError(
                        block_errors={
                            "heading_level": ValidationError(
                                "Aucun titre de section (h2) ne précède ce sous-titre dans le contenu : "
                                "choisissez « Titre de section (h2) » ou ajoutez un titre de section avant."
                            )
                        }
                    )
            seen_section = seen_section or opens_section(child)
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value


class ListingBlock(blocks.StructBlock):
    """Items another section keeps current (pages may not import it): the section registers a
    `core.plugins.BodyListing` under `listing_key`. A subclass declares a `title` and a `count`.
    Renders nothing when that section is gone or has nothing to show."""

    listing_key = ""

    class Meta:
        template = "components/blocks/listing.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        listing = body_listing(self.listing_key)
        context["listing"] = listing
        if listing is not None:
            count = min(max(value.get("count") or 5, 3), 10)  # stored data may predate the form's limits
            context.update(listing.context((parent_context or {}).get("request"), count))
            context["heading"] = value.get("title") or ""
        return context


class CentreNewsBlock(ListingBlock):
    """The centres' platforms' latest items, as the nightly fetch stored them (resources)."""

    listing_key = "centre_news"

    title = blocks.CharBlock(
        label="Titre",
        required=False,
        max_length=120,
        default="Dernières ressources des centres",
        help_text="Affiché au-dessus de la liste ; laissez vide pour ne pas afficher de titre.",
    )
    count = blocks.IntegerBlock(
        label="Nombre d'éléments",
        min_value=3,
        max_value=10,
        default=5,
        help_text="Entre 3 et 10, deux au plus par centre, les plus récents d'abord.",
    )

    class Meta:
        icon = "globe"
        label = "Dernières ressources des centres"
        preview_value = {"title": "Dernières ressources des centres", "count": 5}
        description = (
            "Les derniers éléments publiés sur les plateformes des centres de ressources (titre, date, "
            "centre), relevés chaque nuit ; rien ne s'affiche tant qu'aucun élément n'a été relevé."
        )


class BaseStreamBlock(OutlineStreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    chart = ChartBlock()
    france_map = FranceMapBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    table = TableBlock()
    sources = SourcesBlock()
    partners = PartnersBlock()
    contact_details = ContactDetailsBlock()
    newsletter_signup = NewsletterSignupBlock()
    centre_news = CentreNewsBlock()


class HomeSectionBlock(blocks.StructBlock):
    """A home-page section that another part of the site fills (next webinar, centres…).

    Editors place and order it like any block; its content stays current without editing.
    The sections on offer are those registered through `core.plugins`.
    """

    section = blocks.ChoiceBlock(
        choices=home_section_choices,
        label="Section",
        help_text="Son contenu se met à jour seul, à partir des pages publiées.",
    )

    class Meta:
        icon = "list-ul"
        label = "Section automatique"
        template = "components/blocks/home_section.html"
        preview_value = None
        description = "Le prochain webinaire, les centres de ressources, les dernières publications…"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        section = home_sections().get(value["section"])
        context["section"] = section
        if section is not None:
            context.update(section.context((parent_context or {}).get("request")))
        return context


class HomeStreamBlock(BaseStreamBlock):
    section = HomeSectionBlock()


class MissionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Mission", max_length=60, help_text="Un verbe : Témoigner, Innover, Transmettre…")
    text = blocks.RichTextBlock(label="Description", features=INLINE_FEATURES)
    proof_title = blocks.CharBlock(label="Titre de la preuve", default="La preuve en acte", max_length=80)
    proof_text = blocks.RichTextBlock(label="Preuve en acte", features=INLINE_FEATURES)

    class Meta:
        icon = "tick-inverse"
        label = "Mission"
        template = "components/blocks/mission.html"
        preview_value = {
            "title": "Témoigner",
            "text": "<p>Observer les alliances sur le temps long et en rendre compte.</p>",
            "proof_title": "La preuve en acte",
            "proof_text": "<p>L'Observatoire des partenariats, fondé en 2008 avec la Caisse des Dépôts.</p>",
        }
        description = "Une mission du RAMEAU et la réalisation qui la prouve."


class ObjectiveBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Objectif", max_length=120)
    text = blocks.TextBlock(label="Explication", required=False, max_length=500)

    class Meta:
        icon = "success"
        label = "Objectif"
        template = "components/blocks/objective.html"
        preview_value = {
            "title": "Réduire les fragilités",
            "text": "Agir ensemble sur les fragilités des personnes et des territoires.",
        }
        description = "Un des objectifs des alliances, en une phrase."


class ResearchTextBlock(OutlineStreamBlock):
    """Research writing: headings, paragraphs (superscript note calls), figures and a sources list."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    chart = ChartBlock()
    france_map = FranceMapBlock()
    video = VideoBlock()
    table = TableBlock()
    sources = SourcesBlock()
