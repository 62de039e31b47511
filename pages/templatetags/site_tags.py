"""Template tags for the site's frame: menus, breadcrumbs, « information à confirmer » markers,
and fragments kept per content version."""

from __future__ import annotations

from django import template
from wagtail.blocks import BoundBlock
from wagtail.models import Page

from caching.data import remember
from caching.markup import cached_markup
from core.absolute_urls import absolute_url
from core.rendition_budget import incomplete
from pages import typography
from pages.models.checks import open_checks
from pages.models.snippets import KeyFigure
from pages.navigation import site_menu

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    return {"items": site_menu(request, "primary_menu") if request is not None else []}


@register.inclusion_tag("includes/footer_menu.html", takes_context=True)
def footer_menu(context):
    request = context.get("request")
    return {"items": site_menu(request, "footer_menu") if request is not None else []}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page: Page):
    """The path from the home page down to the current page (nothing on the home page); an
    unpublished ancestor is named, not linked."""
    request = context.get("request")

    def build() -> list[Page]:
        return list(page.get_ancestors().filter(depth__gt=1).only("id", "title", "url_path", "path", "depth", "live"))

    ancestors = remember(request, f"ancestors:{page.pk}", build) if page.pk else build()
    return {"ancestors": ancestors, "page": page, "request": request}


@register.inclusion_tag("includes/check_marker.html", takes_context=True)
def check_marker(context, target: Page | KeyFigure | None) -> dict:
    """« Information à confirmer » beside a page's title or a key figure while a point « à
    vérifier » about it is open, unless staff turned markers off in Paramètres du site."""
    settings = context.get("site_settings")
    if target is None or target.pk is None or (settings and not settings.show_check_markers):
        return {"marked": False}
    checks = open_checks(context.get("request"))
    if isinstance(target, KeyFigure):
        return {"marked": target.pk in checks.key_figure_ids, "figure": True}
    return {"marked": target.pk in checks.page_ids, "figure": False}


@register.simple_tag(takes_context=True)
def sharing_image(context, page: Page):
    """The image a share card shows: the page's own, else the site's default."""
    image = page.get_sharing_image() if hasattr(page, "get_sharing_image") else None
    if image is None:
        site_settings = context.get("site_settings")
        image = site_settings.default_social_image if site_settings else None
    return image


@register.filter(is_safe=True)
def french_spaces(text: str) -> str:
    """« le « faire alliance » » with no-break spaces, so a title or a chapô never starts a line with « » » or « : »."""
    return typography.french_spaces(text)


@register.filter(is_safe=True)
def french_typography(html: str) -> str:
    """The same in HTML, text only (Wagtail's rich text template, templates/wagtailcore/shared/richtext.html)."""
    return typography.french_typography(html)


@register.filter
def shared_source(items) -> object | None:
    """The figure whose source stands for a whole row of key figures (blocks or snippets) that
    share one source, link and year: the row then names it once instead of on every card."""
    figures = [item.value if isinstance(item, BoundBlock) else item for item in items]
    figures = [figure for figure in figures if figure]
    if len(figures) < 2 or len({(f.source, f.source_url, f.year) for f in figures}) > 1:
        return None
    return figures[0] if figures[0].source or figures[0].year else None


@register.filter
def decade(year: int) -> int:
    """1987 -> 1980: the history page's jump links group its years by decade."""
    return int(year) // 10 * 10


@register.simple_tag(takes_context=True)
def site_address(context, url: str) -> str:
    """`url` made absolute from the Site record, like canonical links (core.absolute_urls)."""
    return absolute_url(context.get("request"), url)


class ContentFragmentNode(template.Node):
    def __init__(self, name: str, parts: list[template.base.FilterExpression], nodelist: template.NodeList) -> None:
        self.name = name
        self.parts = parts
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        inputs = (self.name, *(str(part.resolve(context)) for part in self.parts))
        # A fragment that left an image out for later (core/rendition_budget.py) is not kept:
        # kept for the content version, it showed the home's covers as blanks until the next publish.
        return cached_markup(
            request, "fragment", inputs, lambda: self.nodelist.render(context), whole=lambda: not incomplete()
        )


@register.tag
def content_fragment(parser: template.base.Parser, token: template.base.Token) -> ContentFragmentNode:
    """{% content_fragment "name" page.pk … %}…{% endcontent_fragment %}: the markup inside, kept
    per content version and the values given, for markup that depends on nothing else.

    Unlike Django's {% cache %}, the content version is always part of the key and previews
    (drafts rendered for staff) are never kept nor served from it. Whole pages for visitors
    stay a minute at most (PAGE_CACHE_SECONDS); fragments like these last until the content
    changes, so a page past its minute is rebuilt from them.
    """
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a quoted name, then the values the markup depends on.")
    nodelist = parser.parse(("endcontent_fragment",))
    parser.delete_first_token()
    return ContentFragmentNode(bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
