"""From the words a visitor types to what is searched, and what is offered back: compounds
written otherwise on the site, a correction when nothing is found, completions while typing
(all from the lexicon of search/lexicon.py)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product

from . import fulltext, lexicon

#: Corrected searches tried (each verified against the live pages, in one statement).
MAX_TRIES = 4


def text_query(words: Sequence[str]) -> fulltext.TextQuery:
    """The words typed, each with the compounds the site writes for it: « coconstruction »
    also finds « co-construction », « co construction » also finds « coconstruction »."""
    words = list(words)
    pairs = [first + second for first, second in zip(words, words[1:], strict=False)]
    found = lexicon.compounds([*words, *pairs])
    parts: list[tuple[str, ...]] = []
    position = 0
    while position < len(words):
        pair = words[position] + words[position + 1] if position + 1 < len(words) else ""
        if pair in found:
            parts.append((f"{words[position]} {words[position + 1]}", *found[pair]))
            position += 2
            continue
        word = words[position]
        # A word typed with a hyphen also finds it joined, and the other way round (accents and
        # case alone are the index's business already).
        forms = [form for form in found.get(word, []) if ("-" in form) != ("-" in word)]
        parts.append((word, *forms))
        position += 1
    if all(len(forms) == 1 for forms in parts):
        return fulltext.TextQuery.of(" ".join(words))
    return fulltext.TextQuery(tuple(parts))


def correction(words: Sequence[str]) -> str | None:
    """The closest search some live page answers, when words typed are not on the site
    (« partenarait » → « partenariat »); None when there is none to offer."""
    fixes = lexicon.corrections(words)
    if not fixes:
        return None
    choices = [fixes.get(word, [word]) for word in words]
    tries = [" ".join(choice) for choice in list(product(*choices))[:MAX_TRIES]]
    found = fulltext.found_anywhere(tries)
    return next((text for text in tries if text in found), None)


def completions(words: Sequence[str], limit: int = 5) -> list[str]:
    """Searches that complete the last word typed with the site's words, most frequent first,
    each leading somewhere."""
    if not words:
        return []
    *before, last = words
    texts = [" ".join([*before, word]) for word in lexicon.completions(last, limit * 2)]
    if not texts:
        return []
    found = fulltext.found_anywhere(texts)
    return [text for text in texts if text in found][:limit]
