"""Site search on PostgreSQL in one statement: counts per kind and one page of ranked results.

Wagtail's database backend ranks every match, then counts them again for the facets: two
passes over all matches, whose cost grows with the library (a word found in each of 20,000
publications meant ranking 20,000 rows, twice). Here, over the same index table and with
the same vector, configuration and weights:

1. the GIN index on `title || body` (pages' migration 0007) finds the matches of a rare word;
2. each kind of page keeps at most `POOL` of them, the most recently indexed first: for a
   word found everywhere the planner walks the (content type, id) index backwards and stops
   there, instead of reading every match; and at most `POOL` matches in the title (Wagtail's
   GIN index on it), so that the pages named after the words are ranked wherever they are;
3. only that pool is ranked and counted, in the same statement: the title's rank, weighted
   by its length, plus the other fields' (each weighted by its `boost`, which Wagtail's index
   writes with `setweight`: a summary counts more than a body; divided by the log of their
   length, so a long page does not win by repeating a word), times the weight of the page's
   kind (publications and centres first, at equal relevance).

Counts are therefore exact up to `POOL` per kind, and « plus de … » beyond; results past the
pool are not offered (100 results of one kind are ten pages). The cost then follows the pool,
not the library: a word found in each of 20,000 publications costs what it costs at 2,000.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from wagtail.search.backends import get_search_backend

from caching.restrictions import restricted_sections


def pool() -> int:
    """Matches kept per kind of page before ranking (settings.SEARCH_POOL, 100 by default)."""
    return getattr(settings, "SEARCH_POOL", 100)


@dataclass(frozen=True)
class TextQuery:
    """What a page must hold: every part, each in one of its forms (a form is text whose words
    must all be there). « coconstruction » is one part with the forms « coconstruction » and
    « co-construction », which the index holds as « co », « construction », « co-construction »."""

    parts: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, text: str) -> TextQuery:
        return cls(((text,),))

    def sql(self, config: str | None) -> tuple[str, list]:
        """The tsquery, as SQL text and its parameters (literal, so the planner sees the words)."""
        parts, params = [], []
        for forms in self.parts:
            parts.append("(" + " || ".join("plainto_tsquery(%s::regconfig, %s)" for _ in forms) + ")")
            params += [value for form in forms for value in (config, form)]
        return "(" + " && ".join(parts) + ")", params

    @property
    def text(self) -> str:
        """The words as typed (the first form of each part)."""
        return " ".join(forms[0] for forms in self.parts)


@dataclass(frozen=True)
class Matches:
    counts: tuple[int, ...]  # per group of content types, at most pool()
    ranked: tuple[int, ...]  # page ids of the slice asked for, best first

    def capped(self, group: int) -> bool:
        return self.counts[group] >= pool()


def search_config() -> str | None:
    """The text search configuration of Wagtail's PostgreSQL backend, None for any other backend."""
    from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend

    if connection.vendor != "postgresql" or not isinstance(get_search_backend(), PostgresSearchBackend):
        return None
    return settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG") or "simple"


def _pool(
    content_types: Collection[int],
    private: Sequence[tuple[str, int]],
    query: tuple[str, list],
    vector: str,
    counted: int,
) -> tuple[str, list]:
    """The newest live, public matches of the query among these content types, in `vector`."""
    hidden = "".join(" AND NOT (p.path LIKE %s AND p.depth >= %s)" for _ in private)
    sql = (
        f"(SELECT p.id, p.content_type_id, e.title, e.body, e.title_norm, {counted} AS counted"
        " FROM wagtailsearch_indexentry e"
        # OFFSET 0 keeps the page lookup a per-row index probe, never a scan of every page.
        " CROSS JOIN LATERAL (SELECT p.id, p.content_type_id FROM wagtailcore_page p"
        f" WHERE p.id = e.object_id::bigint AND p.live{hidden} OFFSET 0) p"
        f" WHERE e.content_type_id IN ({', '.join(['%s'] * len(content_types))})"
        f" AND {vector} @@ {query[0]}"
        " ORDER BY e.id DESC LIMIT %s)"
    )
    params = [value for path, depth in private for value in (f"{path}%", depth)]
    return sql, [*params, *sorted(content_types), *query[1], pool()]


def search(
    text: str | TextQuery,
    groups: Sequence[Collection[int]],
    shown: Collection[int],
    start: int,
    stop: int,
    weights: dict[int, float] | None = None,
) -> Matches:
    """Count the matches of `text` per group of page content types, and rank the pages of the
    `shown` content types: ids of results `start` to `stop` (0-based), best first.

    Each group keeps its newest `pool()` matches, counted, and its newest `pool()` matches in
    the title, so that a page named after the words is ranked even where they are everywhere.
    Rank: the title's (weighted by its length, as Wagtail does) plus the other fields',
    weighted by their `boost` (summary over body: Wagtail's `setweight`) and divided by the
    log of their length, times the weight of the page's kind (`weights` per content type)."""
    from wagtail.search.backends.database.postgres.weights import get_sql_weights

    query = (text if isinstance(text, TextQuery) else TextQuery.of(text)).sql(search_config())
    private = restricted_sections()
    parts, params = [], []
    for group in groups:
        if group:
            for vector, counted in (("(e.title || e.body)", 1), ("e.title", 0)):
                sql, values = _pool(group, private, query, vector, counted)
                parts.append(sql)
                params += values
    if not parts or not shown:
        return Matches(tuple(0 for _ in groups), ())
    sql_weights = get_sql_weights()
    kind_weight, kind_params = _kind_weight(weights)
    statement = (
        f"WITH pool AS MATERIALIZED ({' UNION ALL '.join(parts)}) "
        "SELECT 0, content_type_id, count(*)::float8 FROM pool WHERE counted = 1 GROUP BY content_type_id "
        "UNION ALL "
        f"(SELECT DISTINCT 1, id, (ts_rank(%s::float4[], title, {query[0]}) * title_norm"
        f" + ts_rank(%s::float4[], body, {query[0]}, 1)) * {kind_weight}"
        f" FROM pool WHERE content_type_id IN ({', '.join(['%s'] * len(shown))})"
        " ORDER BY 3 DESC, 2 DESC LIMIT %s OFFSET %s) "
        "ORDER BY 1, 3 DESC, 2 DESC"
    )
    params += [sql_weights, *query[1], sql_weights, *query[1]]
    params += [*kind_params, *sorted(shown), stop - start, start]
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    per_type = {content_type: int(count) for part, content_type, count in rows if part == 0}
    return Matches(
        counts=tuple(sum(per_type.get(content_type, 0) for content_type in group) for group in groups),
        ranked=tuple(page_id for part, page_id, _rank in rows if part == 1),
    )


def _kind_weight(weights: dict[int, float] | None) -> tuple[str, list]:
    """The weight of each row's kind of page, as SQL on its content_type_id."""
    kinds = {content_type: weight for content_type, weight in (weights or {}).items() if weight != 1}
    if not kinds:
        return "1", []
    sql = "CASE content_type_id " + " ".join("WHEN %s THEN %s::float8" for _ in kinds) + " ELSE 1 END"
    return sql, [value for content_type, weight in kinds.items() for value in (content_type, weight)]


def title_matches(query: TextQuery, content_types: Collection[int], limit: int, weights: dict[int, float]) -> list[int]:
    """Ids of the live, public pages of these types whose title holds the query, best first
    (the newest `pool()` such titles, ranked like search()): the pages offered while typing."""
    from wagtail.search.backends.database.postgres.weights import get_sql_weights

    if not content_types:
        return []
    tsquery = query.sql(search_config())
    private = restricted_sections()
    hidden = "".join(" AND NOT (p.path LIKE %s AND p.depth >= %s)" for _ in private)
    kind_weight, kind_params = _kind_weight(weights)
    statement = (
        "WITH pool AS MATERIALIZED (SELECT p.id, p.content_type_id, e.title, e.title_norm"
        " FROM wagtailsearch_indexentry e"
        " CROSS JOIN LATERAL (SELECT p.id, p.content_type_id FROM wagtailcore_page p"
        f" WHERE p.id = e.object_id::bigint AND p.live{hidden} OFFSET 0) p"
        f" WHERE e.content_type_id IN ({', '.join(['%s'] * len(content_types))}) AND e.title @@ {tsquery[0]}"
        " ORDER BY e.id DESC LIMIT %s) "
        f"SELECT id FROM pool ORDER BY ts_rank(%s::float4[], title, {tsquery[0]}) * title_norm * {kind_weight} DESC,"
        " id DESC LIMIT %s"
    )
    params = [value for path, depth in private for value in (f"{path}%", depth)]
    params += [*sorted(content_types), *tsquery[1], pool(), get_sql_weights(), *tsquery[1], *kind_params, limit]
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return [row[0] for row in cursor.fetchall()]


def matching_ids(text: str, content_types: Collection[int]) -> list[int]:
    """Ids of every page of these content types whose index entry matches `text`, unranked:
    for lists in their own order (the library, newest first), which keep only their pages."""
    if not content_types:
        return []
    statement = (
        "SELECT e.object_id::bigint FROM wagtailsearch_indexentry e"
        f" WHERE e.content_type_id IN ({', '.join(['%s'] * len(content_types))})"
        " AND (e.title || e.body) @@ plainto_tsquery(%s::regconfig, %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [*sorted(content_types), search_config(), text])
        return [row[0] for row in cursor.fetchall()]


def found_anywhere(texts: Collection[str]) -> set[str]:
    """Which of these texts a live, public page matches (all its words): a word offered to a
    visitor (a correction, a suggestion) must lead somewhere. One statement."""
    if not texts:
        return set()
    private = restricted_sections()
    hidden = "".join(" AND NOT (p.path LIKE %s AND p.depth >= %s)" for _ in private)
    statement = (
        "SELECT t.text FROM unnest(%s::text[]) AS t(text) WHERE EXISTS ("
        " SELECT 1 FROM wagtailsearch_indexentry e JOIN wagtailcore_page p"
        " ON p.id = e.object_id::bigint AND p.content_type_id = e.content_type_id"
        f" WHERE (e.title || e.body) @@ plainto_tsquery(%s::regconfig, t.text) AND p.live{hidden})"
    )
    params = [list(texts), search_config(), *(value for path, depth in private for value in (f"{path}%", depth))]
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return {row[0] for row in cursor.fetchall()}
