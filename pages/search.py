"""Site search at /recherche/: every live public page, narrowed by kind, paginated.

On PostgreSQL the index uses the `french_unaccent` configuration (pages' migration 0004):
French stems, no accents, no case. What a visitor types is reduced to its words before it
reaches the search backend, so no quote, operator or control character can upset it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page

from pages.caching.restrictions import private_q
from pages.pagination import paginate, pagination_links

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
RESULTS_PER_PAGE = 10
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class ResultKind:
    """A choice of the « Type » filter: its public slug and the page models it covers."""

    slug: str
    label: str
    models: tuple[str, ...] = ()

    def content_type_ids(self) -> set[int]:
        return {ContentType.objects.get_for_model(apps.get_model(name)).pk for name in self.models}


KINDS = (
    ResultKind("publications", "Publications", ("publications.PublicationPage",)),
    ResultKind("centres", "Centres de ressources", ("resources.ResourceCentrePage",)),
    ResultKind("webinaires", "Webinaires", ("webinars.WebinarPage", "webinars.WebinarCyclePage")),
    ResultKind("actualites", "Actualités", ("publications.NewsArticlePage",)),
    ResultKind("pages", "Autres pages"),  # whatever the kinds above do not cover
)
KINDS_BY_SLUG = {kind.slug: kind for kind in KINDS}


@dataclass
class SearchQuery:
    """The visitor's query as shown back to them, the words actually searched, and why they differ."""

    text: str = ""
    words: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def read_query(raw: str) -> SearchQuery:
    """Keep the visitor's words; drop control characters, excess length and punctuation.

    U+FFFD is what Django puts in place of invalid UTF-8: nothing the visitor typed, so it goes too.
    """
    text = "".join(char for char in raw if char != "\ufffd" and unicodedata.category(char) not in ("Cc", "Cs")).strip()
    query = SearchQuery(text=text)
    if len(text) > MAX_QUERY_LENGTH:
        query.text = text[:MAX_QUERY_LENGTH]
        query.messages.append(
            f"Votre recherche était très longue : seuls ses {MAX_QUERY_LENGTH} premiers caractères ont été pris en compte."
        )
    words = _WORD.findall(query.text)
    if len(words) > MAX_WORDS:
        query.messages.append(f"Seuls les {MAX_WORDS} premiers mots de votre recherche ont été pris en compte.")
        words = words[:MAX_WORDS]
    query.words = words
    if query.text and not words:
        query.messages.append(
            "Votre recherche ne contient aucun mot : saisissez par exemple un thème, un titre ou un nom."
        )
    return query


def read_kind(raw_values: list[str]) -> tuple[ResultKind | None, str]:
    """The « Type » filter from the allowlist; an unknown value is dropped with a message."""
    raw = next((value for value in raw_values if value), "")
    if not raw:
        return None, ""
    kind = KINDS_BY_SLUG.get(raw)
    if kind is None:
        return None, "Ce type de contenu n'existe pas : voici les résultats de tous les types."
    return kind, ""


def count_by_kind(counts_by_content_type: dict[int, int]) -> dict[str, int]:
    """Group the backend's per-model counts into the kinds of the filter."""
    counts = dict.fromkeys(KINDS_BY_SLUG, 0)
    covered: set[int] = set()
    for kind in KINDS[:-1]:
        ids = kind.content_type_ids()
        covered |= ids
        counts[kind.slug] = sum(n for ct, n in counts_by_content_type.items() if ct in ids)
    counts["pages"] = sum(n for ct, n in counts_by_content_type.items() if ct not in covered)
    return counts


class _CountedResults:
    """Search results whose size is already known from the facet, so the paginator asks no count."""

    def __init__(self, results, total: int) -> None:
        self.results = results
        self.total = total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        return list(self.results[index])


def restrict_to_kind(pages, kind: ResultKind):
    """Keep only the pages of the chosen kind (« Autres pages »: whatever no other kind covers)."""
    if kind.models:
        return pages.filter(content_type_id__in=kind.content_type_ids())
    covered = set().union(*(other.content_type_ids() for other in KINDS if other.models))
    return pages.exclude(content_type_id__in=covered)


def search_link(text: str, kind: ResultKind | None = None, page: int = 1) -> str:
    """A results link keeping the query; page 1 and « all kinds » stay out of the address."""
    params = {"q": text}
    if kind is not None:
        params["type"] = kind.slug
    if page > 1:
        params["page"] = str(page)
    return f"?{urlencode(params)}"


def kind_choices(text: str, counts: dict[str, int], chosen: ResultKind | None) -> list[dict]:
    """The « Type » filter as links with their counts; kinds without results are left out."""
    choices = [
        {"label": "Tous les types", "count": sum(counts.values()), "link": search_link(text), "current": chosen is None}
    ]
    for kind in KINDS:
        if counts.get(kind.slug) or kind == chosen:
            choices.append(
                {
                    "label": kind.label,
                    "count": counts.get(kind.slug, 0),
                    "link": search_link(text, kind),
                    "current": kind == chosen,
                }
            )
    return choices


def search(request: HttpRequest) -> HttpResponse:
    query = read_query(next((value for value in request.GET.getlist("q") if value.strip()), ""))
    kind, kind_message = read_kind(request.GET.getlist("type"))
    messages = [*query.messages, *([kind_message] if kind_message else [])]
    context: dict = {"query": query, "kind": kind, "messages_list": messages}

    if query.words:
        # Private sections come from the cache (issue #7), not from one more query.
        pages = Page.objects.live().exclude(private_q()).specific().defer_streamfields()
        terms = " ".join(query.words)
        counts = count_by_kind(pages.search(terms, operator="and").facet("content_type_id"))
        if kind is not None:
            pages = restrict_to_kind(pages, kind)
        results = pages.search(terms, operator="and")
        total = counts[kind.slug] if kind else sum(counts.values())
        pagination = paginate(_CountedResults(results, total), request.GET.get("page"), RESULTS_PER_PAGE)
        if pagination.message:
            messages.append(pagination.message)
        context.update(
            total=total,
            results=pagination.page,
            kind_choices=kind_choices(query.text, counts, kind),
            **pagination_links(pagination.page, lambda page: search_link(query.text, kind, page)),
        )

    return TemplateResponse(request, "pages/search.html", context)
