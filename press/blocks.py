"""The press kit's files: documents and logos, each with its formats."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from pages.typography import TypographicStreamBlock


class PressKitDocumentBlock(blocks.StructBlock):
    """A file of the press kit: the kit itself, a fact sheet, portraits…"""

    title = blocks.CharBlock(label="Titre", max_length=120)
    description = blocks.CharBlock(label="Description", required=False, max_length=250)
    document = DocumentChooserBlock(label="Fichier")

    class Meta:
        icon = "doc-full"
        label = "Document du dossier de presse"
        template = "press/blocks/press_kit_document.html"
        preview_value = {"title": "Dossier de presse", "description": "Le RAMEAU en quelques pages."}
        description = "Un fichier à télécharger (PDF, ZIP…), avec son format et son poids."


class PressKitLogoBlock(blocks.StructBlock):
    """A logo shown as an image, with the files journalists and printers ask for."""

    name = blocks.CharBlock(label="Nom", max_length=120, help_text="Par exemple « Logo du RAMEAU, version couleur ».")
    image = ImageChooserBlock(
        label="Image du logo", help_text="Affichée en aperçu et téléchargeable telle qu'envoyée (PNG ou JPEG)."
    )
    files = blocks.ListBlock(
        DocumentChooserBlock(label="Fichier"),
        label="Autres formats",
        help_text="Les autres formats du même logo : PDF vectoriel, archive ZIP avec SVG ou EPS…",
    )

    class Meta:
        icon = "image"
        label = "Logo"
        template = "press/blocks/press_kit_logo.html"
        preview_value = {"name": "Logo du RAMEAU"}
        description = "Un logo, son aperçu et ses différents formats à télécharger."


class PressKitBlock(TypographicStreamBlock):
    document = PressKitDocumentBlock()
    logo = PressKitLogoBlock()
