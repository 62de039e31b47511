"""Site search at /recherche/: every live public page, narrowed by kind, paginated; and the
suggestions its box offers while typing (/recherche/suggestions/).

On PostgreSQL the index uses the `french_unaccent` configuration (pages' migration 0004):
French stems, no accents, no case; a word the site writes as a compound is also searched
that way, and a search that finds nothing offers « Vouliez-vous dire… » (search/words.py).
What a visitor types is reduced to its words before it reaches the search backend, so no
quote, operator or control character can upset it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Page, get_page_models

from caching.data import keep, recall
from caching.lookups import first_live_page
from caching.restrictions import private_q
from core.filters import ChoiceFilter, FilterForm, PageFilter, SearchTextFilter
from core.pagination import paginate, pagination_links
from core.plugins import SearchKind, search_kinds

from . import fulltext
from . import words as typed

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
RESULTS_PER_PAGE = 10


#: Whatever the kinds the sections register do not cover (the mission, the history…).
OTHER_PAGES = SearchKind("pages", "Autres pages", order=1000)


def kinds() -> list[SearchKind]:
    """The choices of the « Type » filter: what the sections registered, then the rest."""
    return [*search_kinds(), OTHER_PAGES]


def kinds_by_slug() -> dict[str, SearchKind]:
    return {kind.slug: kind for kind in kinds()}


def browse_links(request: HttpRequest) -> list[tuple[str, str]]:
    """(url, text) of the listings a visitor may browse when the search finds nothing."""
    links = []
    for kind in search_kinds():
        if kind.browse:
            model, text = kind.browse
            page = first_live_page(apps.get_model(model), request)
            if page is not None:
                links.append((page.get_url(request), text))
    return links


class SearchForm(FilterForm):
    """/recherche/?q=&type=&page=: the words to find, the kind of result, the page."""

    q = SearchTextFilter(label="Recherche", max_length=MAX_QUERY_LENGTH, max_words=MAX_WORDS)
    type = ChoiceFilter(label="Type", choices=lambda: [(kind.slug, kind.label) for kind in kinds()])
    page = PageFilter()


def kind_weights(groups: list[set[int]]) -> dict[int, float]:
    """The weight of each page content type in the ranking, from its kind."""
    return {content_type: kind.weight for kind, group in zip(kinds(), groups, strict=True) for content_type in group}


def content_type_groups() -> list[set[int]]:
    """The page content types of each kind, in the order of `kinds()`; the last kind,
    « Autres pages », holds every page type the others do not cover."""
    groups = [kind.content_type_ids() for kind in search_kinds()]
    covered = set().union(*groups)
    every_page_type = {
        content_type.pk for content_type in ContentType.objects.get_for_models(*get_page_models()).values()
    }
    return [*groups, every_page_type - covered]


def count_by_kind(counts_by_content_type: dict[int, int]) -> dict[str, int]:
    """Group the backend's per-model counts into the kinds of the filter."""
    counts = dict.fromkeys(kinds_by_slug(), 0)
    covered: set[int] = set()
    for kind in search_kinds():
        ids = kind.content_type_ids()
        covered |= ids
        counts[kind.slug] = sum(n for ct, n in counts_by_content_type.items() if ct in ids)
    counts[OTHER_PAGES.slug] = sum(n for ct, n in counts_by_content_type.items() if ct not in covered)
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


@dataclass(frozen=True)
class ResultCard:
    """What a result shows, kept per page and content version: the next search finding the
    page needs no query to load it as its own type."""

    label: str
    date: str
    title: str
    url: str
    summary: str


def result_cards(page_ids: list[int], request: HttpRequest) -> list[ResultCard]:
    """The cards of one results page, the missing ones built from one query per page type."""
    cards = {pk: recall(request, f"search-card:{pk}") for pk in page_ids}
    missing = [pk for pk, card in cards.items() if card is None]
    if missing:
        for page in Page.objects.filter(pk__in=missing).specific().defer_streamfields():
            card = ResultCard(
                label=getattr(page, "search_result_label", "Page"),
                date=page.search_result_date() if hasattr(page, "search_result_date") else "",
                title=page.title,
                url=page.get_url(request),
                summary=page.get_meta_description() if hasattr(page, "get_meta_description") else "",
            )
            keep(request, f"search-card:{page.pk}", card)
            cards[page.pk] = card
    return [cards[pk] for pk in page_ids if cards.get(pk)]


def restrict_to_kind(pages, kind: SearchKind):
    """Keep only the pages of the chosen kind (« Autres pages »: whatever no other kind covers)."""
    if kind.models:
        return pages.filter(content_type_id__in=kind.content_type_ids())
    covered = set().union(*(other.content_type_ids() for other in search_kinds()))
    return pages.exclude(content_type_id__in=covered)


def search_link(text: str, kind: SearchKind | None = None, page: int = 1) -> str:
    """A results link keeping the query; page 1 and « all kinds » stay out of the address."""
    params = {"q": text}
    if kind is not None:
        params["type"] = kind.slug
    if page > 1:
        params["page"] = str(page)
    return f"?{urlencode(params)}"


def kind_choices(
    text: str, counts: dict[str, int], chosen: SearchKind | None, more: frozenset[str] = frozenset()
) -> list[dict]:
    """The « Type » filter as links with their counts (`more`: kinds with more matches than
    counted); kinds without results are left out."""
    choices = [
        {
            "label": "Tous les types",
            "count": sum(counts.values()),
            "more": bool(more),
            "link": search_link(text),
            "current": chosen is None,
        }
    ]
    for kind in kinds():
        if counts.get(kind.slug) or kind == chosen:
            choices.append(
                {
                    "label": kind.label,
                    "count": counts.get(kind.slug, 0),
                    "more": kind.slug in more,
                    "link": search_link(text, kind),
                    "current": kind == chosen,
                }
            )
    return choices


class RankedResults:
    """One page of ranked results for the paginator: the first statement brought the counts
    and the page asked for; another page (a number past the end) costs one more statement."""

    def __init__(self, query: fulltext.TextQuery, groups: list[set[int]], shown: set[int], number: int) -> None:
        self.query, self.groups, self.shown = query, groups, shown
        self.weights = kind_weights(groups)
        self.start = (number - 1) * RESULTS_PER_PAGE
        stop = self.start + RESULTS_PER_PAGE
        self.matches = fulltext.search(query, groups, shown, self.start, stop, self.weights)
        self.total = sum(n for group, n in zip(groups, self.matches.counts, strict=True) if group & shown)

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index: slice) -> list[int]:
        if index.start != self.start:
            found = fulltext.search(self.query, self.groups, self.shown, index.start, index.stop, self.weights)
            return list(found.ranked)
        return list(self.matches.ranked)


def requested_page(raw: str | None) -> int:
    """The page number asked for when it is a plain positive number, else 1 (paginate() says why)."""
    raw = (raw or "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() and 0 < len(raw) <= 6 and int(raw) > 0 else 1


def ranked_search(request: HttpRequest, query, kind: SearchKind | None, raw_page: str | None) -> dict:
    """Counts per kind and one page of results, from one statement on PostgreSQL (search.fulltext)."""
    groups = content_type_groups()
    slugs = [known.slug for known in kinds()]
    shown = groups[slugs.index(kind.slug)] if kind else set().union(*groups)
    results = RankedResults(typed.text_query(query.words), groups, shown, requested_page(raw_page))
    counts = dict(zip(slugs, results.matches.counts, strict=True))
    more = frozenset(slug for position, slug in enumerate(slugs) if results.matches.capped(position))
    pagination = paginate(results, raw_page, RESULTS_PER_PAGE)
    return {
        "total": results.total,
        "more": bool(more & ({kind.slug} if kind else set(slugs))),
        "pagination": pagination,
        "cards": result_cards(pagination.page.object_list, request),
        "kind_choices": kind_choices(query.text, counts, kind, more),
    }


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    query = form.values["q"]
    kind = kinds_by_slug().get(form.values["type"])
    messages = list(form.notices)
    context: dict = {"query": query, "kind": kind, "messages_list": messages}

    if query.words and fulltext.search_config() is not None:
        found = ranked_search(request, query, kind, form.values["page"])
        pagination = found.pop("pagination")
        if pagination.message:
            messages.append(pagination.message)
        context.update(
            results=pagination.page,
            **found,
            **pagination_links(pagination.page, lambda page: search_link(query.text, kind, page)),
        )
        if not found["total"]:
            context["browse_links"] = browse_links(request)
            corrected = typed.correction(query.words)
            if corrected:
                context["correction"] = {"text": corrected, "link": search_link(corrected, kind)}
    elif query.words:
        # Private sections come from the cache, not from one more query.
        pages = Page.objects.live().exclude(private_q())
        terms = " ".join(query.words)
        counts = count_by_kind(pages.search(terms, operator="and").facet("content_type_id"))
        if kind is not None:
            pages = restrict_to_kind(pages, kind)
        results = pages.search(terms, operator="and")
        total = counts[kind.slug] if kind else sum(counts.values())
        pagination = paginate(_CountedResults(results, total), form.values["page"], RESULTS_PER_PAGE)
        if pagination.message:
            messages.append(pagination.message)
        context.update(
            total=total,
            results=pagination.page,
            cards=result_cards([page.pk for page in pagination.page.object_list], request),
            kind_choices=kind_choices(query.text, counts, kind),
            **pagination_links(pagination.page, lambda page: search_link(query.text, kind, page)),
        )
        if not total:
            context["browse_links"] = browse_links(request)

    return TemplateResponse(request, "search/search.html", context)


#: Suggestions of each sort offered while typing.
SUGGESTED = 5


def suggestions(request: HttpRequest) -> JsonResponse:
    """/recherche/suggestions/?q=…: searches completing what is typed (the site's own words)
    and pages whose title holds it, for the search boxes' list (static/js/search-suggest.js).
    The search page works without it; on SQLite it offers nothing."""
    form = SearchForm(request.GET)
    words = form.values["q"].words
    found: dict = {"searches": [], "pages": []}
    if words and fulltext.search_config() is not None and len(words[-1]) >= 2:
        completions = typed.completions(words, SUGGESTED)
        found["searches"] = [{"text": text, "url": reverse("search") + search_link(text)} for text in completions]
        if completions:  # titles holding the words before and one of the completed last words
            before = ((" ".join(words[:-1]),),) if len(words) > 1 else ()
            query = fulltext.TextQuery((*before, tuple(text.split()[-1] for text in completions)))
            groups = content_type_groups()
            ids = fulltext.title_matches(query, set().union(*groups), SUGGESTED, kind_weights(groups))
            found["pages"] = [
                {"title": card.title, "url": card.url, "kind": card.label} for card in result_cards(ids, request)
            ]
    response = JsonResponse(found)
    response["Cache-Control"] = "public, max-age=60"
    return response
