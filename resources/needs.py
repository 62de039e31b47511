"""The three things a centre helps with: a fixed list, stored as one boolean column each.

Why booleans rather than a related model: the list is fixed by Le RAMEAU's method
(s'informer, se former, agir) and its slugs are public filter values (?besoin=…) that
partners may link to; a table editable by staff could rename or delete them and break
those links. Three columns work on SQLite and PostgreSQL alike, filter without a join,
and show as three plain checkboxes in the admin.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Need:
    slug: str
    label: str
    field: str
    description: str


NEEDS: tuple[Need, ...] = (
    Need("s-informer", "S'informer", "helps_inform", "Comprendre les enjeux, les chiffres et les pratiques."),
    Need("se-former", "Se former", "helps_train", "Acquérir des méthodes et des outils pas à pas."),
    Need("agir", "Agir", "helps_act", "Passer à l'action avec des kits et des retours d'expérience."),
)
NEEDS_BY_SLUG: dict[str, Need] = {need.slug: need for need in NEEDS}
