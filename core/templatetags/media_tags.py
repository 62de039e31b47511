"""Images and documents in templates, left out when their file is missing or broken.

`{% available_picture %}` takes the arguments of Wagtail's `{% picture %}` (specs with
`{a,b}` alternatives, then HTML attributes) and renders nothing at all rather than a
broken `<img>` or an empty `srcset`; `{% available_rendition %}` gives one rendition or None, for share tags.
A stand-in (core/stand_ins.py) says so: « Visuel provisoire » over the picture and in its
alternative text.
"""

from __future__ import annotations

import itertools
import re

from django import template
from django.template.base import FilterExpression, Parser, Token
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.images.models import Picture

from caching.markup import cached_markup
from caching.scopes import PAGES
from core.documents import document_available, document_offered
from core.images import rendition_or_none, renditions_or_none
from core.stand_ins import STAND_IN_LABEL
from core.stand_ins import is_stand_in as stand_in_check

register = template.Library()

SPEC = re.compile(r"^[A-Za-z0-9_\-.{},]+$")
ALTERNATIVES = re.compile(r"\{([^{}]*)\}")


def expand(spec: str) -> list[str]:
    """« format-{avif,jpeg} » -> ["format-avif", "format-jpeg"], as Wagtail's picture tag reads it."""
    parts = ALTERNATIVES.split(spec)
    choices = [part.split(",") if index % 2 else [part] for index, part in enumerate(parts)]
    return ["".join(combination) for combination in itertools.product(*choices)]


def expand_all(specs: list[str]) -> list[str]:
    """Every combination of the specs' alternatives, each joined by « | », in the tag's order."""
    return ["|".join(combination) for combination in itertools.product(*(expand(spec) for spec in specs))]


class AvailablePictureNode(template.Node):
    def __init__(
        self, image: FilterExpression, specs: list[str], attrs: dict[str, FilterExpression], target: str | None
    ) -> None:
        self.image = image
        self.specs = specs
        self.attrs = attrs
        self.target = target

    def markup(self, context: template.Context) -> SafeString | str:
        image = self.image.resolve(context)
        if not image:
            return ""
        request = context.get("request")
        attrs = {name: value.resolve(context) for name, value in self.attrs.items()}
        stand_in = stand_in_check(image, request)
        if stand_in and attrs.get("alt"):
            attrs["alt"] = f"{STAND_IN_LABEL}\u00a0: {attrs['alt'][:1].lower()}{attrs['alt'][1:]}"

        def build() -> SafeString | str:
            renditions = renditions_or_none(image, self.specs)
            if not renditions:
                return ""
            picture = mark_safe(Picture(renditions, attrs).__html__())
            if not stand_in:
                return picture
            # The label is for the eyes: the alternative text already says it to screen readers.
            return format_html(
                '<span class="stand-in">{}<span class="stand-in__label" aria-hidden="true">{}</span></span>',
                picture,
                STAND_IN_LABEL,
            )

        inputs = (
            image.pk,
            image.file.name,
            stand_in,
            tuple(self.specs),
            tuple(sorted((k, str(v)) for k, v in attrs.items())),
        )
        # An image's markup shows no page: a change of pages alone leaves it cached.
        return cached_markup(request, "picture", inputs, build, ignores=PAGES)

    def render(self, context: template.Context) -> SafeString | str:
        markup = self.markup(context)
        if self.target is None:
            return markup
        context[self.target] = markup
        return ""


@register.tag
def available_picture(parser: Parser, token: Token) -> AvailablePictureNode:
    """{% available_picture page.cover format-{avif,jpeg} width-{280,560} sizes="…" alt="" [as cover] %}

    With « as », the markup (empty when the image cannot be shown) goes into a variable, so
    that what surrounds the picture can be left out with it.
    """
    tag_name, *bits = token.split_contents()
    target = None
    if len(bits) > 2 and bits[-2] == "as":
        target = bits[-1]
        bits = bits[:-2]
    if not bits:
        raise template.TemplateSyntaxError(f"{tag_name} needs an image, then at least one filter spec.")
    image, *rest = bits
    specs: list[str] = []
    attrs: dict[str, FilterExpression] = {}
    for bit in rest:
        name, equals, value = bit.partition("=")
        if equals:
            attrs[name] = parser.compile_filter(value)
        elif SPEC.match(bit):
            specs.append(bit)
        else:
            raise template.TemplateSyntaxError(f"{tag_name}: « {bit} » is neither a filter spec nor an attribute.")
    if not specs:
        raise template.TemplateSyntaxError(f"{tag_name} needs at least one filter spec.")
    return AvailablePictureNode(parser.compile_filter(image), expand_all(specs), attrs, target)


@register.simple_tag
def available_rendition(image, spec: str):
    """{% available_rendition image "fill-1200x630|format-jpeg" as og_image %}: None when it cannot be shown."""
    return rendition_or_none(image, spec) if image else None


@register.filter
def is_stand_in(item) -> bool:
    """{% if partner.logo|is_stand_in %}: the image or document only stands in for the real one."""
    return stand_in_check(item)


@register.simple_tag(takes_context=True)
def document_is_offered(context: template.Context, document) -> bool:
    """{% document_is_offered release.document as offered %}: its file is there and it is the
    real one (a stand-in is never offered for download as the work)."""
    return document_offered(document, context.get("request"))


@register.simple_tag(takes_context=True)
def document_is_available(context: template.Context, document) -> bool:
    """{% document_is_available session.slides as slides_available %}: False when its file is missing."""
    return document_available(document, context.get("request"))
