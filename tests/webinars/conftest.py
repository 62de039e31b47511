"""Webinar test helpers: a frozen clock and sessions made to order."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def frozen_now(settings):
    """Freeze the webinars' clock: `frozen_now(datetime)`; never the real date."""

    def freeze(moment: datetime) -> datetime:
        settings.WEBINARS_NOW = moment
        return moment

    return freeze


def paris(day: date, hour: int = 13, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS)


@pytest.fixture
def index(db):
    from webinars.models import WebinarIndexPage

    return WebinarIndexPage.objects.get()


@pytest.fixture
def cycle_2019(db):
    from webinars.models import WebinarCyclePage

    return WebinarCyclePage.objects.get(slug="2019")


def add_session(cycle, day: date, title: str = "Session d'essai", publish: bool = True, **fields):
    """A session on `day`, 13 h – 14 h Paris, published unless asked otherwise."""
    from django.utils.text import slugify

    from webinars.models import WebinarPage

    fields.setdefault("start", paris(day, 13))
    fields.setdefault("end", paris(day, 14))
    session = WebinarPage(title=title, slug=fields.pop("slug", slugify(f"{title}-{day.isoformat()}")), **fields)
    session.live = publish
    cycle.add_child(instance=session)
    revision = session.save_revision()
    if publish:
        revision.publish()
    return session


def add_cycle(index, slug: str, title: str | None = None, publish: bool = True, **fields):
    from webinars.models import WebinarCyclePage

    cycle = WebinarCyclePage(title=title or f"Cycle {slug}", slug=slug, **fields)
    cycle.live = publish
    index.add_child(instance=cycle)
    revision = cycle.save_revision()
    if publish:
        revision.publish()
    return cycle
