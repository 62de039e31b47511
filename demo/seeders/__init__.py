"""The demo's seeders, in the order `seed_demo` runs them.

The pages app's tree comes first (home, mission, history), then each section, each one
using what the earlier ones made (partners, centres, themes); the menus come last, to link
what now exists.
"""

from __future__ import annotations

from collections.abc import Callable

from . import front_door, pages, people, press, programmes, publications, resources, webinars

SEEDERS: list[Callable[[], object]] = [
    pages.seed,
    resources.seed,
    publications.seed,
    webinars.seed,
    people.seed,
    programmes.seed,
    press.seed,
    front_door.seed,
    pages.link_milestones,
    pages.seed_navigation,
]
