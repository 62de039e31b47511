"""The library's filters: type, year, theme, resource centre, programme and a search, from plain GET parameters.

The parameters are read by PublicationFilterForm, on the core's FilterForm: unknown, malformed
or absurd input is dropped with the site's French notice, and the list shown is the one for
the remaining, valid filters. Filtering
and the counts per value work on the library's catalogue (catalogue.py), read once per content
version; a visit then fetches only the publications of the page it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.http import QueryDict

from caching.restrictions import private_q
from core.filters import ChoiceFilter, FilterForm, PageFilter, SearchTextFilter, YearFilter
from pages.models import Theme
from publications import catalogue
from search import fulltext

MAX_QUERY_LENGTH = 100
#: How a reader gets a publication (PublicationPage.access): the values the « Accès » filter offers.
ACCESS_CHOICES = {"pdf": "PDF à télécharger", "en-ligne": "En ligne"}


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


class PublicationFilterForm(FilterForm):
    """The library's parameters; the choices are what the library holds (read once per content version)."""

    q = SearchTextFilter(label="Recherche", max_length=MAX_QUERY_LENGTH, cut_when_long=False)
    type = ChoiceFilter(label="Type de publication")
    annee = YearFilter(label="Année")
    theme = ChoiceFilter(label="Thème")
    centre = ChoiceFilter(label="Centre de ressources")
    programme = ChoiceFilter(label="Programme")
    acces = ChoiceFilter(label="Accès", choices=list(ACCESS_CHOICES.items()))
    page = PageFilter()

    def __init__(
        self, params: QueryDict, types: dict, themes: dict, centres: dict, years: list[int], programmes: dict
    ) -> None:
        super().__init__(params)
        self.fields["programme"].choices = [(slug, programme.title) for slug, programme in programmes.items()]
        self.fields["type"].choices = [(slug, kind.name) for slug, kind in types.items()]
        self.fields["theme"].choices = [(slug, theme.name) for slug, theme in themes.items()]
        self.fields["centre"].choices = [(slug, centre.title) for slug, centre in centres.items()]
        self.fields["annee"].choices = [(year, str(year)) for year in years]


class PublicationFilters:
    """Reads ?type=&annee=&theme=&centre=&q= against what exists, then filters and counts."""

    def __init__(
        self, params: QueryDict, publications: QuerySet, private: Q | None = None, options_key: str = "", entries=None
    ):
        """`options_key` names the base list (e.g. its index page) so the choices offered are
        read once per content version; `entries` is its catalogue (catalogue.of_library)."""
        self.base = publications
        self.catalogue = entries if entries is not None else catalogue.build(publications)

        def options() -> tuple[dict, dict, dict, list, dict]:
            return self._options(self.catalogue, private)

        if options_key:
            from caching.data import remember

            options = remember(None, f"publication-filters:{options_key}", options)
        else:
            options = options()
        self.types, self.themes, self.centres, self.years, self.programmes = options

        lower = {
            name: {slug.lower(): item for slug, item in known.items()}
            for name, known in (
                ("type", self.types),
                ("theme", self.themes),
                ("centre", self.centres),
                ("programme", self.programmes),
            )
        }
        form = PublicationFilterForm(
            params, lower["type"], lower["theme"], lower["centre"], self.years, lower["programme"]
        )
        values = form.values
        self.messages: list[str] = form.notices
        self.type = lower["type"].get(values["type"])
        self.theme = lower["theme"].get(values["theme"])
        self.centre = lower["centre"].get(values["centre"])
        self.programme = lower["programme"].get(values["programme"])
        self.year = values["annee"]
        self.access = values["acces"] or None
        self.words = values["q"].words
        self.query = values["q"].text if self.words else ""
        self.page = values["page"]
        self.search_mask = self.catalogue.mask_of(self._search()) if self.words else None

    @staticmethod
    def _options(library: catalogue.Catalogue, private: Q | None) -> tuple[dict, dict, dict, list, dict]:
        """What the filters offer: types, themes, live centres and programmes, and the years
        the library covers (from its catalogue: no pass over the publications)."""
        from programmes.models import ProgrammePage
        from resources.models import ResourceCentrePage

        PublicationType = apps.get_model("publications", "PublicationType")  # its models call these filters
        types = {t.slug: t for t in PublicationType.objects.order_by("sort_order", "name")}
        themes = {t.slug: t for t in Theme.objects.order_by("sort_order", "name")}
        centres = ResourceCentrePage.objects.live()
        centres = centres.exclude(private if private is not None else private_q())
        centres = {c.slug: c for c in centres.order_by("title").only("pk", "title", "slug")}
        years = sorted((year for year, mask in library.years.items() if mask), reverse=True)
        programmes = ProgrammePage.objects.live().exclude(private if private is not None else private_q())
        programmes = {p.slug: p for p in programmes.order_by("path").only("pk", "title", "slug")}
        return types, themes, centres, years, programmes

    def _search(self) -> list[int]:
        """Ids of the publications matching every word, from Wagtail's search index (on
        PostgreSQL, ids only, straight from the index table: see search.fulltext).

        Only the words are searched: quotes and operators mean something to PostgreSQL's and
        SQLite's full-text syntax, and an unbalanced one would be an error, not a search.
        """
        text = " ".join(self.words)
        if fulltext.search_config() is not None:
            content_type = ContentType.objects.get_for_model(self.base.model)
            return fulltext.matching_ids(text, {content_type.pk})
        results = self.base.search(text, operator="and", order_by_relevance=False)
        return [publication.pk for publication in results]

    # Filtering and counting -------------------------------------------------------------

    def mask(self, exclude: str | None = None) -> int:
        """The catalogue's publications matching every active filter except `exclude` (used
        for its counts), as bits (see catalogue.py)."""
        library = self.catalogue
        mask = library.everything if self.search_mask is None else self.search_mask
        chosen = (
            ("type", library.types, self.type.pk if self.type else None),
            ("annee", library.years, self.year or None),
            ("theme", library.themes, self.theme.pk if self.theme else None),
            ("centre", library.centres, self.centre.pk if self.centre else None),
            ("programme", library.programmes, self.programme.pk if self.programme else None),
            ("acces", library.access, self.access),
        )
        for param, masks, value in chosen:
            if value is not None and param != exclude:
                mask &= masks.get(value, 0)
        return mask

    def results(self) -> catalogue.CataloguePks:
        """The pks of the matching publications, newest first, for the paginator."""
        return catalogue.CataloguePks(self.catalogue, self.mask())

    def _counts(self) -> dict[str, dict]:
        """For each filter, the number of results per value with the other filters applied."""
        counts = {}
        for param, masks in (
            ("type", self.catalogue.types),
            ("annee", self.catalogue.years),
            ("theme", self.catalogue.themes),
            ("centre", self.catalogue.centres),
            ("programme", self.catalogue.programmes),
            ("acces", self.catalogue.access),
        ):
            others = self.mask(exclude=param)
            counts[param] = {value: (others & mask).bit_count() for value, mask in masks.items()}
        return counts

    def facets(self) -> list[Facet]:
        counts = self._counts()
        type_counts, year_counts, theme_counts, centre_counts, programme_counts, access_counts = (
            counts[p] for p in ("type", "annee", "theme", "centre", "programme", "acces")
        )
        return [
            Facet(
                "type",
                "Type",
                "Tous les types",
                [Option(slug, t.name, type_counts.get(t.pk, 0), t == self.type) for slug, t in self.types.items()],
            ),
            Facet(
                "annee",
                "Année",
                "Toutes les années",
                [Option(str(year), str(year), year_counts.get(year, 0), year == self.year) for year in self.years],
            ),
            Facet(
                "theme",
                "Thème",
                "Tous les thèmes",
                [Option(slug, t.name, theme_counts.get(t.pk, 0), t == self.theme) for slug, t in self.themes.items()],
            ),
            Facet(
                "centre",
                "Centre de ressources",
                "Tous les centres",
                [
                    Option(slug, c.title, centre_counts.get(c.pk, 0), c == self.centre)
                    for slug, c in self.centres.items()
                ],
            ),
            Facet(
                "programme",
                "Programme",
                "Tous les programmes",
                [
                    Option(slug, p.title, programme_counts.get(p.pk, 0), p == self.programme)
                    for slug, p in self.programmes.items()
                ],
            ),
            Facet(
                "acces",
                "Accès",
                "Tous les accès",
                [
                    Option(value, label, access_counts.get(value, 0), value == self.access)
                    for value, label in ACCESS_CHOICES.items()
                ],
            ),
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
            "programme": self.programme.slug if self.programme else "",
            "acces": self.access or "",
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
        if self.programme:
            labels.append(("Programme", self.programme.title, self.query_string(programme=None)))
        if self.access:
            labels.append(("Accès", ACCESS_CHOICES[self.access], self.query_string(acces=None)))
        return labels
