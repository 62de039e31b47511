"""Staff own the menus: order, labels and unpublished pages are respected."""

import pytest
from wagtail.models import Site

from pages.models import MissionPage, NavigationSettings


@pytest.mark.django_db
def test_menu_follows_editor_order_and_labels(client, contact):
    site = Site.objects.get(is_default_site=True)
    navigation = NavigationSettings.for_site(site)
    navigation.primary_menu = [
        ("page", {"page": contact, "label": "Nous écrire"}),
        ("link", {"url": "https://www.lerameau.fr/", "label": "Ancien site"}),
        ("page", {"page": MissionPage.objects.get(), "label": ""}),
    ]
    navigation.save()
    markup = client.get("/").content.decode()
    menu = markup[markup.index('id="menu-principal"') : markup.index("</nav>", markup.index('id="menu-principal"'))]
    assert menu.index("Nous écrire") < menu.index("Ancien site") < menu.index("Qui sommes-nous ?")


@pytest.mark.django_db
def test_unpublished_page_leaves_the_menu(client, history):
    def menu() -> str:
        markup = client.get("/").content.decode()
        start = markup.index('id="menu-principal"')
        return markup[start : markup.index("</nav>", start)]

    assert 'href="/qui-sommes-nous/histoire/"' in menu()
    history.unpublish()
    assert 'href="/qui-sommes-nous/histoire/"' not in menu()


@pytest.mark.django_db
def test_only_the_page_itself_is_current(client, history):
    markup = client.get("/qui-sommes-nous/histoire/").content.decode()
    assert markup.count('aria-current="page"') == 2  # the menu entry and the last breadcrumb
    assert 'class="main-nav__link is-ancestor" href="/qui-sommes-nous/"' in markup
