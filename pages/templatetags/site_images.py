"""Wagtail's `image`, `picture` and `srcset_image` tags, with their markup kept in the cache.

Same syntax and output as `{% load wagtailimages_tags %}`. Wagtail looks every rendition up
(parsing its filter, reading its own cache, writing it back) each time a page is rendered:
about a millisecond per `<picture>` of six renditions, so tens of milliseconds for a page of
cards. The markup only changes when the image does (or its alt text, given as an attribute),
so it is kept per image, specs and attributes, under the content version.
"""

from __future__ import annotations

import hashlib

from django import template
from django.utils.safestring import mark_safe
from wagtail.images.templatetags import wagtailimages_tags

from pages.caching.data import remember

register = template.Library()


class CachedImageNode(template.Node):
    def __init__(self, tag_name: str, inner: wagtailimages_tags.ImageNode) -> None:
        self.tag_name = tag_name
        self.inner = inner

    def _key(self, image, attrs: dict) -> str:
        identity = (
            self.tag_name,
            image.pk,
            image.file.name,
            image.width,
            image.height,
            image.focal_point_x,
            image.focal_point_y,
            image.focal_point_width,
            image.focal_point_height,
            tuple(self.inner.filter_specs),
            tuple(sorted((name, str(value)) for name, value in attrs.items())),
            self.inner.output_var_name,
        )
        return "img:" + hashlib.md5(repr(identity).encode(), usedforsecurity=False).hexdigest()

    def render(self, context) -> str:
        image = self.inner.validate_image(context)
        if not image or image.pk is None:
            return self.inner.render(context) if image else ""
        attrs = {name: value.resolve(context) for name, value in self.inner.attrs.items()}
        request = context.get("request")
        name = self.inner.output_var_name
        if name:

            def build_value():
                self.inner.render(context)
                return context[name]

            context[name] = remember(request, self._key(image, attrs), build_value)
            return ""
        return mark_safe(remember(request, self._key(image, attrs), lambda: str(self.inner.render(context))))


def _cached(parser, token) -> CachedImageNode:
    return CachedImageNode(token.split_contents()[0], wagtailimages_tags.image(parser, token))


register.tag("image", _cached)
register.tag("picture", _cached)
register.tag("srcset_image", _cached)
