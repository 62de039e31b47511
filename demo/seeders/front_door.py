"""The demo's front door: the contact form, the four newsletters and their page, the legal
notice, privacy page, accessibility statement and site map, and the legal facts of the site
settings (only what FACTS.md says: the rest stays empty, and the admin says so).

Safe to rerun: what exists is left as staff made it. A plain page an earlier demo put at one
of these addresses (contact, mentions-legales) is replaced only if nobody ever edited it.
"""

from __future__ import annotations

from wagtail.models import Site

from contact.models import ContactPage
from demo.content import load
from legal.models import AccessibilityPage, LegalNoticePage, PrivacyPage
from newsletters.models import NewsletterList, NewsletterPage
from pages.models import HomePage, SiteMapPage, SiteSettings, StandardPage

from .common import publish_child, sections_body

CONTENT = load("pages")


def drop_unedited_plain_page(home: HomePage, slug: str) -> None:
    """An earlier demo's StandardPage at this address, if it still has its one seeded revision."""
    old = StandardPage.objects.child_of(home).filter(slug=slug).first()
    if old is not None and old.revisions.count() <= 1:
        old.delete()


def seed_newsletters() -> None:
    for order, item in enumerate(CONTENT["newsletters"]):
        NewsletterList.objects.get_or_create(
            name=item["name"], defaults={"description": item["description"], "sort_order": order}
        )


def seed_pages(home: HomePage) -> None:
    for slug in ("contact", "mentions-legales"):
        drop_unedited_plain_page(home, slug)
    contact = CONTENT["contact"]
    publish_child(
        home,
        ContactPage(
            title=contact["title"],
            slug=contact["slug"],
            intro=contact["intro"],
            listing_summary=contact["intro"],
            thank_you_text=contact["thank_you"],
        ),
    )
    letters = CONTENT["newsletter_page"]
    publish_child(
        home,
        NewsletterPage(
            title=letters["title"], slug=letters["slug"], intro=letters["intro"], listing_summary=letters["intro"]
        ),
    )
    legal = CONTENT["legal_notice"]
    publish_child(
        home,
        LegalNoticePage(
            title=legal["title"], slug=legal["slug"], intro=legal["intro"], body=sections_body(legal["sections"])
        ),
    )
    privacy = CONTENT["privacy"]
    publish_child(home, PrivacyPage(title=privacy["title"], slug=privacy["slug"], intro=privacy["intro"]))
    accessibility = CONTENT["accessibility"]
    publish_child(
        home,
        AccessibilityPage(
            title=accessibility["title"],
            slug=accessibility["slug"],
            intro=accessibility["intro"],
            conformity_status=accessibility["conformity_status"],
            audit_by=accessibility["audit_by"],
            audit_scope=accessibility["audit_scope"],
            non_conforming=accessibility["non_conforming"],
            exempt_content=accessibility["exempt_content"],
            technologies=accessibility["technologies"],
        ),
    )
    site_map = CONTENT["site_map"]
    publish_child(home, SiteMapPage(title=site_map["title"], slug=site_map["slug"], intro=site_map["intro"]))


def seed_legal_settings(site: Site) -> None:
    site_settings = SiteSettings.for_site(site)
    if not site_settings.legal_status:
        site_settings.legal_status = CONTENT["site_settings"]["legal_status"]
        site_settings.save()


def seed() -> None:
    home = HomePage.objects.get()
    seed_newsletters()
    seed_pages(home)
    seed_legal_settings(Site.objects.get(root_page=home))
