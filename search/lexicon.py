"""The words the site's published pages hold, for what the search offers a visitor: the
compound behind a word typed whole (« coconstruction » → « co-construction »), a correction
when nothing is found (« partenarait » → « partenariat »), completions while typing.

On PostgreSQL, from the search index itself (Wagtail's entries, their plain text split by
the `simple` configuration: words as written, lowercase, accents kept), for live and public
pages only; matched on their plain form (no accent, no hyphen) with pg_trgm's trigram
similarity. A publication adds its new words at once; `refresh()` recounts everything (after
`migrate`, `update_index` or an import, and nightly: `manage.py refresh_search_lexicon`).
Words of a page since unpublished may linger until then, but nothing is offered that no live
page holds (search.fulltext.found_anywhere). On SQLite the lexicon stays empty: no correction.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from django.db import connection, transaction

#: Function words PostgreSQL's French stop list lacks: never offered.
FUNCTION_WORDS = (
    "les ceux celle celles celui cela ceci cette cet dont tous tout toute toutes plus moins puis sans sous ils"
    " elles leurs entre chez vers après avant ainsi aussi comme donc lors très peu alors car quand où"
)
#: A word worth offering: letters, with inner hyphens (no number, address or symbol), not a
#: function word (PostgreSQL's French stop list, then the one above).
WORDS = (
    "length(word) BETWEEN 3 AND 64 AND word !~ '[0-9_@./:+&]' AND word !~ '^-|-$'"
    " AND numnode(plainto_tsquery('french_unaccent', word)) > 0"
    f" AND word <> ALL (string_to_array('{FUNCTION_WORDS}', ' '))"
)
PLAIN = "replace(unaccent(lower({})), '-', '')"
# The text of the live pages outside any private section, as ts_stat reads it.
LIVE_TEXT = (
    "SELECT to_tsvector('simple', e.title_text || ' ' || e.body_text) FROM wagtailsearch_indexentry e"
    " JOIN wagtailcore_page p ON p.id::text = e.object_id AND p.content_type_id = e.content_type_id"
    " WHERE p.live AND NOT EXISTS (SELECT 1 FROM wagtailcore_pageviewrestriction r"
    " JOIN wagtailcore_page rp ON rp.id = r.page_id WHERE p.path LIKE rp.path || '%%' AND p.depth >= rp.depth)"
)
#: Similarity (pg_trgm, 0 to 1) a correction needs with the word typed.
THRESHOLD = 0.4
#: Most similar words of the lexicon weighed, by their edits, as corrections of a word typed.
CANDIDATES = 12


def available() -> bool:
    return connection.vendor == "postgresql"


def refresh() -> int:
    """Recount every word of the live, public pages (a few seconds for 20,000 publications)."""
    if not available():
        return 0
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_searchword")
        cursor.execute(
            "INSERT INTO search_searchword (word, plain, documents)"
            f" SELECT word, {PLAIN.format('word')}, ndoc FROM ts_stat(%s) WHERE {WORDS}",
            [LIVE_TEXT.replace("%%", "%")],
        )
        return cursor.rowcount


def add_page(page) -> None:
    """The words of one page just published, added (its index entry is written by then)."""
    from django.contrib.contenttypes.models import ContentType

    if not available():
        return
    content_type = ContentType.objects.get_for_model(page.specific_class or type(page))
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO search_searchword (word, plain, documents)"
            f" SELECT word, {PLAIN.format('word')}, ndoc FROM ts_stat(format("
            "'SELECT to_tsvector(''simple'', title_text || '' '' || body_text) FROM wagtailsearch_indexentry"
            " WHERE content_type_id = %%s AND object_id = %%L', %s::int, %s::text))"
            f" WHERE {WORDS} ORDER BY word"
            " ON CONFLICT (word) DO UPDATE SET documents = search_searchword.documents + 1",
            [content_type.pk, str(page.pk)],
        )


def compounds(units: Iterable[str]) -> dict[str, list[str]]:
    """For each text (a word, or two typed apart), the words of the site whose plain form it is,
    hyphenated or joined: « coconstruction » → [« co-construction », « coconstruction »]."""
    units = list(dict.fromkeys(units))
    if not units or not available():
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT t.unit, w.word FROM unnest(%s::text[]) AS t(unit)"
            f" JOIN search_searchword w ON w.plain = {PLAIN.format('t.unit')}"
            " ORDER BY w.documents DESC, w.word",
            [units],
        )
        found: dict[str, list[str]] = defaultdict(list)
        for unit, word in cursor.fetchall():
            found[unit].append(word)
    return dict(found)


def corrections(words: Iterable[str], limit: int = 3) -> dict[str, list[str]]:
    """For each word the site does not hold, the closest words it does; a word the site holds
    maps to nothing. One statement: pg_trgm's index finds the `CANDIDATES` most similar words,
    then the fewest edits to them come first (« partenarait » is one swap from « partenariat »,
    though « paraît » shares more of its trigrams), then the most frequent."""
    words = list(dict.fromkeys(words))
    if not words or not available():
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT t.typed, t.plain, c.word, c.plain, c.documents FROM (SELECT typed, {PLAIN.format('typed')} AS plain"
            " FROM unnest(%s::text[]) AS typed) t"
            " CROSS JOIN LATERAL (SELECT w.word, w.plain, w.documents FROM search_searchword w"
            " WHERE w.plain %% t.plain AND similarity(w.plain, t.plain) >= %s"
            " ORDER BY similarity(w.plain, t.plain) DESC, w.documents DESC, w.word"
            " LIMIT %s) c"
            " WHERE NOT EXISTS (SELECT 1 FROM search_searchword k WHERE k.plain = t.plain)",
            [words, THRESHOLD, CANDIDATES],
        )
        found: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for typed, typed_plain, word, word_plain, documents in cursor.fetchall():
            found[typed].append((edits(typed_plain, word_plain), -documents, word))
    return {typed: [word for *_rank, word in sorted(candidates)[:limit]] for typed, candidates in found.items()}


def edits(first: str, second: str) -> int:
    """How many letters to add, remove, change or swap with their neighbour to go from one
    word to the other (optimal string alignment distance)."""
    previous, current = None, list(range(len(second) + 1))
    for i, letter in enumerate(first, 1):
        before, previous, current = previous, current, [i] + [0] * len(second)
        for j, other in enumerate(second, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other))
            if before is not None and j > 1 and letter == second[j - 2] and first[i - 2] == other:
                current[j] = min(current[j], before[j - 2] + 1)
    return current[-1]


def completions(prefix: str, limit: int = 5) -> list[str]:
    """The site's most frequent words starting with `prefix` (accents and hyphens ignored),
    one form of each (« évaluation » rather than also « evaluation »)."""
    if len(prefix) < 2 or not available():
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word FROM (SELECT DISTINCT ON (plain) word, documents FROM search_searchword"
            " WHERE plain LIKE %s ORDER BY plain, documents DESC, word) forms"
            " ORDER BY documents DESC, word LIMIT %s",
            [plain(prefix).replace("%", "").replace("_", "") + "%", limit],  # a literal prefix: the index serves it
        )
        return [row[0] for row in cursor.fetchall()]


#: What unaccent() writes for the letters NFKD does not take apart.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l"})


def plain(text: str) -> str:
    """A word's plain form as the lexicon keeps it: lowercase, no accent, no hyphen."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).replace("-", "")
