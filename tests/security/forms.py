"""What the admin's edit form posts for a news article (the admin's JavaScript builds the body)."""

from __future__ import annotations

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from pages.blocks import TEXT_FEATURES
from publications.models import NewsArticlePage


def article_form_data(article: NewsArticlePage, title: str, body_html: str, related: tuple[int, ...] = ()) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": article.slug,
            "date": article.date.isoformat(),
            "kind": article.kind,
            "author": article.author,
            "author_role": article.author_role,
            "summary": article.summary,
            "body": streamfield([("paragraph", rich_text(body_html, features=TEXT_FEATURES))]),
            "related_links": inline_formset([{"publication": pk} for pk in related]),
        }
    )
