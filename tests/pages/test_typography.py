"""French typography in body text: the no-break spaces reach rich text fields and StreamField
bodies as visitors receive them, and never touch a tag, an attribute or code."""

from __future__ import annotations

import pytest
from wagtail.rich_text import RichText

from pages.typography import french_typography
from tests.factories.pages import StandardPageFactory
from tests.factories.people import PersonPageFactory

NBSP = "\u00a0"


def test_text_gets_no_break_spaces_and_tags_stay_as_they_are():
    html = (
        '<p>Le « faire alliance » : une idée ! <a href="/a?b=c" title="Voir : ici">lien</a> ; '
        "<code>a : b</code> <strong>fin</strong> ?</p>"
    )
    result = french_typography(html)
    assert result == (
        f'<p>Le «{NBSP}faire alliance{NBSP}»{NBSP}: une idée{NBSP}! <a href="/a?b=c" title="Voir : ici">lien</a>{NBSP}; '
        f"<code>a : b</code> <strong>fin</strong>{NBSP}?</p>"
    )
    assert french_typography(result) == result  # twice changes nothing more
    assert french_typography("13:00, https://exemple.org/?q=a") == "13:00, https://exemple.org/?q=a"
    assert french_typography("&laquo; cité &raquo;") == f"&laquo;{NBSP}cité{NBSP}&raquo;"


@pytest.mark.django_db
def test_a_streamfield_body_reaches_visitors_with_french_spaces(client):
    page = StandardPageFactory(
        title="Typographie",
        slug="typographie",
        body=[
            ("heading", {"text": "Pourquoi « faire alliance » ?", "level": "h2"}),
            ("paragraph", RichText('<p>Trois leviers : <a href="https://exemple.org/a:b">voir</a> !</p>')),
            ("quote", {"text": "Le faire alliance se vit ; il ne se décrète pas.", "author": "", "role": ""}),
        ],
    )
    body = client.get(page.url).content.decode()
    assert f"Pourquoi «{NBSP}faire alliance{NBSP}»{NBSP}?" in body  # a heading block
    assert f"Trois leviers{NBSP}:" in body  # rich text inside the body
    assert 'href="https://exemple.org/a:b"' in body
    assert f"se vit{NBSP}; il" in body  # a quote block
    assert "Trois leviers :" not in body


@pytest.mark.django_db
def test_a_rich_text_field_outside_a_streamfield_too(client):
    person = PersonPageFactory(biography="<p>Philosophe et statisticienne : elle dirige « PHARE ».</p>")
    body = client.get(person.url).content.decode()
    assert f"statisticienne{NBSP}: elle dirige «{NBSP}PHARE{NBSP}»." in body
