"""`--mapping FILE.toml`: where the import puts what, when the defaults do not fit.

    skip = [101, 102]                      # WordPress ids left out
    [posts]
    parent = "/actualites/"                # the default home of posts
    [pages]
    parent = "/"                           # the default home of top-level pages
    [pages.existing]                       # old path = an existing page's path
    "/les-centres-de-ressources/" = "/centres-de-ressources/"
    [categories.etudes]                    # a category's slug, or [post_types.NAME]
    type = "publication"                   # "news" (default), "publication" or "page"
    parent = "/publications/"
    publication_type = "etude"             # a publication type's slug
    kind = "tribune"                       # for news: « actualite » or « tribune »
    [authors]
    cbheidsieck = "Charles-Benoît Heidsieck"

Every path must be that of an existing page: the file is checked whole before anything is
written, and each mistake is named.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from wagtail.models import Page, Site

from .links import path_key

TYPES = ("news", "publication", "page")
TOP_LEVEL = {"skip", "posts", "pages", "categories", "post_types", "authors"}
RULE_KEYS = {"type", "parent", "publication_type", "kind"}


class MappingError(Exception):
    """The mapping file cannot be used: the message names each problem, in French."""


@dataclass(frozen=True)
class Rule:
    """Where the items of one category or post type go."""

    type: str = "news"
    parent: Page | None = None
    publication_type: str = ""
    kind: str = "actualite"


@dataclass
class Mapping:
    skip: set[int] = field(default_factory=set)
    posts_parent: Page | None = None
    pages_parent: Page | None = None
    existing: dict[str, Page] = field(default_factory=dict)  # old path key -> page
    categories: dict[str, Rule] = field(default_factory=dict)
    post_types: dict[str, Rule] = field(default_factory=dict)
    authors: dict[str, str] = field(default_factory=dict)


def page_at(site: Site, path: str) -> Page | None:
    """The page of this site served at `path` (« /qui-sommes-nous/ »), live or not."""
    root = site.root_page
    relative = "/".join(part for part in path.strip().split("/") if part)
    url_path = root.url_path + (f"{relative}/" if relative else "")
    return Page.objects.filter(url_path=url_path).first()


def load(path: Path | None, site: Site) -> Mapping:
    if path is None:
        return Mapping()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise MappingError(f"Fichier de correspondances illisible : {error.strerror or error}.") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise MappingError(f"Fichier de correspondances mal écrit (TOML) : {error}.") from error
    problems: list[str] = []
    mapping = Mapping()

    def existing_page(where: str, value: object) -> Page | None:
        if not isinstance(value, str) or not value.startswith("/"):
            problems.append(f"{where} : attendu un chemin qui commence par « / », reçu {value!r}")
            return None
        page = page_at(site, value)
        if page is None:
            problems.append(f"{where} : aucune page à l'adresse {value}")
        return page

    def rule(where: str, table: object) -> Rule | None:
        if not isinstance(table, dict):
            problems.append(f"{where} : attendu une table (type, parent…)")
            return None
        for key in set(table) - RULE_KEYS:
            problems.append(f"{where} : clé inconnue « {key} »")
        kind = table.get("type", "news")
        if kind not in TYPES:
            problems.append(f"{where} : type « {kind} » inconnu (news, publication ou page)")
        parent = existing_page(f"{where}.parent", table["parent"]) if "parent" in table else None
        return Rule(
            type=kind,
            parent=parent,
            publication_type=str(table.get("publication_type", "")),
            kind=str(table.get("kind", "actualite")),
        )

    for key in set(data) - TOP_LEVEL:
        problems.append(f"clé inconnue « {key} » (attendu : {', '.join(sorted(TOP_LEVEL))})")
    skip = data.get("skip", [])
    if not isinstance(skip, list) or not all(isinstance(value, int) for value in skip):
        problems.append("skip : attendu une liste d'identifiants WordPress (nombres)")
    else:
        mapping.skip = set(skip)
    for section in ("posts", "pages"):
        table = data.get(section, {})
        if "parent" in table:
            setattr(mapping, f"{section}_parent", existing_page(f"{section}.parent", table["parent"]))
    for old, new in data.get("pages", {}).get("existing", {}).items():
        page = existing_page(f"pages.existing.{old}", new)
        if page is not None:
            mapping.existing[path_key(old)] = page
    for section in ("categories", "post_types"):
        for name, table in data.get(section, {}).items():
            found = rule(f"{section}.{name}", table)
            if found is not None:
                getattr(mapping, section)[name] = found
    authors = data.get("authors", {})
    if not all(isinstance(value, str) for value in authors.values()):
        problems.append("authors : attendu identifiant = « Prénom Nom »")
    else:
        mapping.authors = dict(authors)
    if problems:
        raise MappingError("Fichier de correspondances refusé :\n- " + "\n- ".join(problems))
    return mapping
