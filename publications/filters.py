"""The library's filters: type, year, theme, resource centre and a search, from plain GET parameters.

Every value goes through an allowlist: unknown, malformed or absurd input is dropped with a
message in French, and the list shown is the one for the remaining, valid filters. Counts per
value are computed with one grouped query per filter, whatever the number of publications.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.http import QueryDict

from pages.models import Theme

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")
YEAR = re.compile(r"\d{4}")
MAX_QUERY_LENGTH = 100


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False


@dataclass
class Facet:
    param: str
    label: str
    all_label: str
    options: list[Option] = field(default_factory=list)

    @property
    def selected(self) -> Option | None:
        return next((option for option in self.options if option.selected), None)

    @property
    def visible_options(self) -> list[Option]:
        """Values that would give results, plus the selected one so the form shows it."""
        return [option for option in self.options if option.count or option.selected]


def clean_text(value: str) -> str:
    """Drop control characters (a NUL byte would break the database query) and squeeze spaces."""
    value = "".join(char for char in value if unicodedata.category(char)[0] != "C")
    return " ".join(value.split())


class PublicationFilters:
    """Reads ?type=&annee=&theme=&centre=&q= against what exists, then filters and counts."""

    PARAMS = ("type", "annee", "theme", "centre")

    def __init__(self, params: QueryDict, publications: QuerySet, private: Q | None = None):
        from publications.models import PublicationType
        from resources.models import ResourceCentrePage

        self.base = publications
        self.messages: list[str] = []
        self.raw = {name: clean_text(params.get(name, ""))[:200] for name in (*self.PARAMS, "q")}
        self.query_submitted = "q" in params

        self.types = {t.slug: t for t in PublicationType.objects.order_by("sort_order", "name")}
        self.themes = {t.slug: t for t in Theme.objects.order_by("sort_order", "name")}
        centres = ResourceCentrePage.objects.live()
        centres = centres.exclude(private) if private is not None else centres.public()
        self.centres = {c.slug: c for c in centres.order_by("title").only("pk", "title", "slug")}
        self.years = list(
            publications.annotate(year=ExtractYear("publication_date")).order_by("-year").values_list("year", flat=True).distinct()
        )

        self.type = self._choice("type", self.types, "type de publication")
        self.theme = self._choice("theme", self.themes, "thème")
        self.centre = self._choice("centre", self.centres, "centre de ressources")
        self.year = self._year()
        self.query = self._query()
        self.search_ids = self._search() if self.query else None

    # Validation -------------------------------------------------------------------------

    def _choice(self, name: str, known: dict, label: str):
        value = self.raw[name]
        if not value:
            return None
        if not SLUG.fullmatch(value):
            self.messages.append(f"Le filtre « {label} » a reçu une valeur mal formée ; il a été ignoré.")
            return None
        if value not in known:
            self.messages.append(f"Aucun {label} ne correspond à « {value} » ; ce filtre a été ignoré.")
            return None
        return known[value]

    def _year(self) -> int | None:
        value = self.raw["annee"]
        if not value:
            return None
        if not YEAR.fullmatch(value):
            self.messages.append(f"« {value[:20]} » n'est pas une année (quatre chiffres, par exemple 2018) ; ce filtre a été ignoré.")
            return None
        if int(value) not in self.years:
            self.messages.append(f"Aucune publication n'est parue en {value} ; ce filtre a été ignoré.")
            return None
        return int(value)

    def _query(self) -> str:
        value = self.raw["q"]
        if not value:
            if self.query_submitted:
                self.messages.append("Votre recherche était vide : saisissez un ou plusieurs mots, par exemple « territoire ».")
            return ""
        if len(value) > MAX_QUERY_LENGTH:
            self.messages.append(f"Votre recherche dépasse {MAX_QUERY_LENGTH} caractères ; raccourcissez-la. Elle a été ignorée.")
            return ""
        if not any(char.isalnum() for char in value):
            self.messages.append(f"« {value} » ne contient aucun mot à chercher ; la recherche a été ignorée.")
            return ""
        return value

    def _search(self) -> list[int]:
        """Ids of the publications matching every word, from Wagtail's search index.

        Only the words are searched: quotes and operators mean something to PostgreSQL's and
        SQLite's full-text syntax, and an unbalanced one would be an error, not a search.
        """
        words = " ".join(re.findall(r"\w+", self.query))
        results = self.base.search(words, operator="and", order_by_relevance=False)
        return [publication.pk for publication in results]

    # Filtering and counting -------------------------------------------------------------

    def apply(self, exclude: str | None = None) -> QuerySet:
        """The publications matching every active filter except `exclude` (used for its counts)."""
        queryset = self.base
        if self.search_ids is not None:
            queryset = queryset.filter(pk__in=self.search_ids)
        if self.type and exclude != "type":
            queryset = queryset.filter(publication_type=self.type)
        if self.year and exclude != "annee":
            queryset = queryset.filter(publication_date__year=self.year)
        if self.theme and exclude != "theme":
            queryset = queryset.filter(themes=self.theme)
        if self.centre and exclude != "centre":
            queryset = queryset.filter(centres=self.centre)
        return queryset

    def results(self) -> QuerySet:
        return (
            self.apply()
            .select_related("publication_type")
            .prefetch_related("authors")
            .order_by("-publication_date", "title", "pk")
        )

    @staticmethod
    def _counts(queryset: QuerySet, key) -> dict:
        if isinstance(key, str):
            rows = queryset.order_by().values(key).annotate(n=Count("pk", distinct=True)).values_list(key, "n")
        else:
            rows = queryset.order_by().annotate(key=key).values("key").annotate(n=Count("pk", distinct=True)).values_list("key", "n")
        return dict(rows)

    def facets(self) -> list[Facet]:
        type_counts = self._counts(self.apply(exclude="type"), "publication_type")
        year_counts = self._counts(self.apply(exclude="annee"), ExtractYear("publication_date"))
        theme_counts = self._counts(self.apply(exclude="theme"), "themes")
        centre_counts = self._counts(self.apply(exclude="centre"), "centres")
        return [
            Facet("type", "Type", "Tous les types", [
                Option(slug, t.name, type_counts.get(t.pk, 0), t == self.type) for slug, t in self.types.items()
            ]),
            Facet("annee", "Année", "Toutes les années", [
                Option(str(year), str(year), year_counts.get(year, 0), year == self.year) for year in self.years
            ]),
            Facet("theme", "Thème", "Tous les thèmes", [
                Option(slug, t.name, theme_counts.get(t.pk, 0), t == self.theme) for slug, t in self.themes.items()
            ]),
            Facet("centre", "Centre de ressources", "Tous les centres", [
                Option(slug, c.title, centre_counts.get(c.pk, 0), c == self.centre) for slug, c in self.centres.items()
            ]),
        ]

    # Links ------------------------------------------------------------------------------

    def active(self) -> dict[str, str]:
        """The valid filters, as GET parameters: bad input never travels into the next link."""
        values = {
            "q": self.query,
            "type": self.type.slug if self.type else "",
            "annee": str(self.year) if self.year else "",
            "theme": self.theme.slug if self.theme else "",
            "centre": self.centre.slug if self.centre else "",
        }
        return {name: value for name, value in values.items() if value}

    def query_string(self, **changes) -> str:
        params = {**self.active(), **{k: str(v) for k, v in changes.items() if v not in (None, "")}}
        for name, value in changes.items():
            if value in (None, ""):
                params.pop(name, None)
        return "?" + urlencode(params) if params else "?"

    def active_labels(self) -> list[tuple[str, str, str]]:
        """(filter, value, link that removes it) for each active filter."""
        labels = []
        if self.query:
            labels.append(("Recherche", f"« {self.query} »", self.query_string(q=None)))
        if self.type:
            labels.append(("Type", self.type.name, self.query_string(type=None)))
        if self.year:
            labels.append(("Année", str(self.year), self.query_string(annee=None)))
        if self.theme:
            labels.append(("Thème", self.theme.name, self.query_string(theme=None)))
        if self.centre:
            labels.append(("Centre", self.centre.title, self.query_string(centre=None)))
        return labels
