"""Editors work through the real Wagtail admin forms: pages, snippets and site settings.

Every test posts what the admin's browser would post (Django test client, no mocks), then
checks the database and the public site.
"""

from __future__ import annotations

import json

from django.urls import reverse
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from pages.blocks import INLINE_FEATURES, TEXT_FEATURES
from pages.models import HistoryPage, HomePage, KeyFigure, MissionPage, Partner, SiteSettings, StandardPage
from tests.clients import StaffClient
from tests.factories.pages import (
    HistoryMilestoneFactory,
    HistoryPageFactory,
    KeyFigureFactory,
    PartnerFactory,
    give_mission_content,
)
from tests.factories.skeleton import PHONE

CTA_ERROR = "Choisissez soit une page du site, soit une adresse externe (une seule)."
PUBLISH = {"action-publish": "action-publish"}


def posted_block_value(block, value):
    """What the admin's JavaScript posts for a block value, shaped for `nested_form_data`."""
    if isinstance(block, blocks.StreamBlock):
        return streamfield([(child.block_type, posted_block_value(child.block, child.value)) for child in value])
    if isinstance(block, blocks.ListBlock):
        items = {
            str(index): {
                "value": posted_block_value(block.child_block, child.value),
                "order": str(index),
                "deleted": "",
            }
            for index, child in enumerate(value.bound_blocks)
        }
        return {**items, "count": str(len(items))}
    if isinstance(block, blocks.StructBlock):
        return {name: posted_block_value(block.child_blocks[name], child) for name, child in value.items()}
    if isinstance(block, blocks.ChooserBlock):
        return value.pk if value else ""
    if isinstance(block, TypedTableBlock):
        columns = [(column["block"].name, column["heading"]) for column in value.columns]
        return posted_typed_table(columns, [row["values"] for row in value.row_data])
    state = block.get_form_state(value)
    if isinstance(state, list):  # a <select>: the browser posts the chosen option itself
        return state[0] if state else ""
    return "" if state is None else state


def posted_typed_table(columns: list[tuple[str, str]], rows: list[list]) -> dict:
    """What the admin's typed table posts: each column's type and heading, each row's cells."""
    return {
        "caption": "",
        "column": {
            "count": str(len(columns)),
            **{
                str(index): {"type": kind, "order": str(index), "deleted": "", "heading": heading}
                for index, (kind, heading) in enumerate(columns)
            },
        },
        "row": {
            "count": str(len(rows)),
            **{str(index): {"order": str(index), "deleted": ""} for index in range(len(rows))},
        },
        "cell": {
            str(row_index): {str(column): "" if cell is None else str(cell) for column, cell in enumerate(row)}
            for row_index, row in enumerate(rows)
        },
    }


def stream_content(stream):
    """A StreamField's blocks and words, ignoring what each save rewrites (ids, rich text markup)."""
    items = [(child.block_type, child.block.get_api_representation(child.value)) for child in stream]
    return strip_tags(json.dumps(items, ensure_ascii=False))


class AdminFormTestCase(WagtailPageTestCase):
    client_class = StaffClient

    def setUp(self):
        super().setUp()
        self.login()

    def page_edit_data(self, page, **changes):
        """The edit form as the browser posts it: the HTML fields plus each StreamField's current blocks.

        StreamFields are drawn by JavaScript, so their inputs are not in the HTML the server sends.
        """
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assertEqual(response.status_code, 200)
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form").dict()
        streams = {
            field.name: posted_block_value(field.stream_block, getattr(page, field.name))
            for field in page._meta.concrete_fields
            if hasattr(field, "stream_block")
        }
        return {**data, **nested_form_data(streams), **changes}

    def assertSaved(self, response):
        """A saved admin form redirects; anything else shows the editor's errors."""
        if response.status_code != 302:
            form = response.context["form"]
            formsets = {name: formset.errors for name, formset in getattr(form, "formsets", {}).items()}
            self.fail(f"form not saved (HTTP {response.status_code}): {form.errors.as_data()} {formsets}")

    def assertRefused(self, response, message):
        """A refused form is shown again (no redirect) with the message that explains why."""
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, message)


class OneOffPageEditTests(AdminFormTestCase):
    """Home and « Qui sommes-nous » exist once: editors change them, they never add another."""

    def test_no_second_home_page(self):
        self.assertCanNotCreateAt(StandardPage, HomePage)
        root = Page.get_first_root_node()
        response = self.client.get(reverse("wagtailadmin_pages:add", args=["pages", "homepage", root.pk]))
        self.assertRedirects(response, reverse("wagtailadmin_home"))
        self.assertEqual(HomePage.objects.count(), 1)

    def test_edit_home_headline_and_publish(self):
        home = HomePage.objects.get()
        figure, partner = KeyFigureFactory(), PartnerFactory()
        home.body = [
            *((block.block_type, block.value) for block in home.body),
            ("key_figures", {"heading": "Le RAMEAU en chiffres", "figures": [figure]}),
            (
                "call_to_action",
                {"title": "Notre histoire", "text": "", "page": MissionPage.objects.get(), "url": "", "label": "Lire"},
            ),
            ("partners", {"heading": "Ils construisent avec nous", "partners": [partner]}),
        ]
        home.save_revision().publish()
        body_before = stream_content(home.body)
        headline = "Faire alliance pour le bien commun"
        data = self.page_edit_data(home, headline=headline, **PUBLISH)
        self.assertSaved(self.client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), data))

        home.refresh_from_db()
        self.assertEqual(home.headline, headline)
        self.assertTrue(home.live)
        self.assertFalse(home.has_unpublished_changes)
        self.assertEqual(stream_content(home.body), body_before)
        self.assertContains(self.client.get(home.url), headline)

    def test_edit_mission_intro_and_publish(self):
        self.assertCanNotCreateAt(HistoryPage, MissionPage)
        mission = give_mission_content(MissionPage.objects.get())
        streams = ("missions", "objectives", "key_figures", "body")
        content_before = {name: stream_content(getattr(mission, name)) for name in streams}
        self.assertTrue(all(content_before[name] != "[]" for name in streams))
        positioning_before = strip_tags(mission.positioning)
        intro = "Un laboratoire qui observe, expérimente et transmet."
        data = self.page_edit_data(mission, intro=intro, **PUBLISH)
        self.assertSaved(self.client.post(reverse("wagtailadmin_pages:edit", args=[mission.pk]), data))

        mission.refresh_from_db()
        self.assertEqual(mission.intro, intro)
        self.assertTrue(mission.live)
        self.assertEqual({name: stream_content(getattr(mission, name)) for name in streams}, content_before)
        self.assertEqual(strip_tags(mission.positioning), positioning_before)
        self.assertContains(self.client.get(mission.url), intro)


class OneOffPageCreateTests(AdminFormTestCase):
    """Home and « Qui sommes-nous » can be created through the admin once the old one is gone."""

    def test_create_mission_page_with_missions_objectives_and_figures(self):
        home = HomePage.objects.get()
        MissionPage.objects.get().delete()
        figure = KeyFigureFactory()
        mission = {
            "title": "Témoigner",
            "text": rich_text("<p>Observer sur le temps long.</p>", features=INLINE_FEATURES),
            "proof_title": "La preuve en acte",
            "proof_text": rich_text("<p>L'Observatoire des partenariats.</p>", features=INLINE_FEATURES),
        }
        data = nested_form_data(
            {
                "title": "Qui sommes-nous ?",
                "slug": "qui-sommes-nous",
                "intro": "Un laboratoire d'intérêt général.",
                "positioning": rich_text(
                    "<p>Observatoire, centre d'expérimentation, prospective.</p>", features=TEXT_FEATURES
                ),
                "missions": streamfield([("mission", mission)]),
                "objectives_intro": "",
                "objectives": streamfield([("objective", {"title": "Réduire les fragilités", "text": ""})]),
                "figures_heading": "Les chiffres clés",
                "key_figures": streamfield([("figure", figure.pk)]),
                "quote_text": "",
                "quote_author": "",
                "quote_role": "",
                "body": streamfield([]),
            }
        )
        self.assertCanCreate(home, MissionPage, data)

        page = MissionPage.objects.get()
        self.assertTrue(page.live)
        self.assertEqual(page.key_figures[0].value, figure)
        response = self.client.get(page.url)
        self.assertContains(response, "Observatoire des partenariats.")
        self.assertContains(response, figure.value)

    def test_create_home_page_under_the_root(self):
        HomePage.objects.get().delete()
        root = Page.get_first_root_node()
        data = nested_form_data(
            {
                "title": "Accueil",
                "slug": "accueil",
                "headline": "Faire alliance pour le bien commun",
                "intro": "",
                "primary_link_label": "Découvrir",
                "body": streamfield([("heading", {"text": "Bienvenue", "level": "h2"})]),
            }
        )
        self.assertCanCreate(root, HomePage, data)
        self.assertTrue(HomePage.objects.get().live)


class HistoryPageCreateTests(AdminFormTestCase):
    """The timeline page is created with its milestones in one admin form (inline formset)."""

    def setUp(self):
        super().setUp()
        self.mission = MissionPage.objects.get()
        self.assertFalse(HistoryPage.objects.exists())

    def history_data(self, *milestones):
        return nested_form_data(
            {
                "title": "Notre parcours",
                "slug": "histoire",
                "intro": "Les grandes étapes du RAMEAU.",
                "milestones": inline_formset(list(milestones)),
            }
        )

    def milestone(self, year, title):
        text = rich_text(f"<p>{title}.</p>", features=INLINE_FEATURES)
        return {"year": str(year), "month": "", "title": title, "text": text}

    def test_create_with_two_milestones(self):
        self.assertCanNotCreateAt(StandardPage, HistoryPage)
        milestones = [(2006, "Fondation de l'association"), (2008, "Premier observatoire")]
        self.assertCanCreate(self.mission, HistoryPage, self.history_data(*(self.milestone(*m) for m in milestones)))

        page = HistoryPage.objects.child_of(self.mission).get()
        self.assertTrue(page.live)
        self.assertEqual([(m.year, m.title) for m in page.milestones.all()], milestones)
        response = self.client.get(page.url)
        self.assertContains(response, "Premier observatoire")

    def test_year_out_of_range_is_refused_and_input_kept(self):
        add_url = reverse("wagtailadmin_pages:add", args=["pages", "historypage", self.mission.pk])
        response = self.client.post(add_url, self.history_data(self.milestone(1800, "Une date impossible")) | PUBLISH)

        self.assertRefused(response, "Assurez-vous que cette valeur est supérieure ou égale à 1990.")
        self.assertContains(response, 'value="Notre parcours"')
        self.assertContains(response, 'value="Une date impossible"')
        self.assertFalse(HistoryPage.objects.exists())


class StandardPageCreateTests(AdminFormTestCase):
    """A plain page is built from the shared blocks; a call to action needs exactly one target."""

    TITLE = "Agir ensemble en territoire"

    def setUp(self):
        super().setUp()
        self.home = HomePage.objects.get()
        self.mission = MissionPage.objects.get()

    def standard_data(self, cta_page="", cta_url=""):
        return nested_form_data(
            {
                "title": self.TITLE,
                "slug": "agir-ensemble",
                "intro": "Comment les alliances se construisent sur le terrain.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Des alliances de proximité", "level": "h2"}),
                        (
                            "paragraph",
                            rich_text("<p>Associations et entreprises coopèrent.</p>", features=TEXT_FEATURES),
                        ),
                        (
                            "quote",
                            {"text": "Faire alliance, c'est répondre ensemble.", "author": "Une élue", "role": ""},
                        ),
                        (
                            "call_to_action",
                            {
                                "title": "Nos travaux",
                                "text": "",
                                "page": cta_page,
                                "url": cta_url,
                                "label": "Découvrir",
                            },
                        ),
                    ]
                ),
            }
        )

    def test_create_with_every_text_block(self):
        self.assertCanCreate(self.home, StandardPage, self.standard_data(cta_page=self.mission.pk))

        page = StandardPage.objects.get(slug="agir-ensemble")
        self.assertTrue(page.live)
        self.assertEqual([child.block_type for child in page.body], ["heading", "paragraph", "quote", "call_to_action"])
        self.assertEqual(page.body[3].value["page"].specific, self.mission)
        response = self.client.get(page.url)
        for text in (
            "Des alliances de proximité",
            "Associations et entreprises coopèrent.",
            "Une élue",
            self.mission.url,
        ):
            self.assertContains(response, text)

    def test_call_to_action_needs_exactly_one_target(self):
        add_url = reverse("wagtailadmin_pages:add", args=["pages", "standardpage", self.home.pk])
        cases = {"both": {"cta_page": self.mission.pk, "cta_url": "https://www.lerameau.fr/"}, "neither": {}}
        for case, targets in cases.items():
            with self.subTest(case):
                response = self.client.post(add_url, self.standard_data(**targets) | PUBLISH)
                self.assertRefused(response, CTA_ERROR)
                self.assertContains(response, f'value="{self.TITLE}"')
                self.assertFalse(StandardPage.objects.filter(title=self.TITLE).exists())


class SnippetFormTests(AdminFormTestCase):
    """Partners and key figures are added once in their own admin menu, then chosen on pages."""

    def test_add_partner(self):
        data = {
            "name": "Fondation Exemple",
            "logo": "",
            "website": "https://www.exemple.org/",
            "description": "Un mécène.",
        }
        self.assertSaved(self.client.post(reverse("wagtailsnippets_pages_partner:add"), data))
        self.assertEqual(Partner.objects.get(name="Fondation Exemple").website, "https://www.exemple.org/")

    def test_add_key_figure(self):
        data = {
            "value": "42 %",
            "label": "des collectivités engagées",
            "year": "2024",
            "source": "Enquête",
            "source_url": "",
        }
        self.assertSaved(self.client.post(reverse("wagtailsnippets_pages_keyfigure:add"), data))
        self.assertEqual(KeyFigure.objects.get(label="des collectivités engagées").year, 2024)

    def test_key_figure_without_value_is_refused(self):
        data = {"value": "", "label": "des chiffres sans valeur", "year": "", "source": "", "source_url": ""}
        response = self.client.post(reverse("wagtailsnippets_pages_keyfigure:add"), data)
        self.assertRefused(response, "Champ requis.")
        self.assertContains(response, 'value="des chiffres sans valeur"')
        self.assertFalse(KeyFigure.objects.filter(label="des chiffres sans valeur").exists())


class SiteSettingsFormTests(AdminFormTestCase):
    def test_contact_details_reach_the_footer(self):
        """Staff change the phone and email once in Paramètres; every page footer follows."""
        site = Site.objects.get(is_default_site=True)
        edit_url = reverse("wagtailsettings:edit", args=["pages", "sitesettings", site.pk])
        data = querydict_from_html(self.client.get(edit_url).content.decode(), form_id="w-editor-form").dict()
        data.update(phone="01 23 45 67 89", email="bonjour@exemple.org")
        self.assertSaved(self.client.post(edit_url, data))

        self.assertEqual(SiteSettings.for_site(site).phone, "01 23 45 67 89")
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        footer = response.content.decode().split('<footer class="site-footer">', 1)[1]
        self.assertIn('<a href="tel:0123456789">01 23 45 67 89</a>', footer)
        self.assertIn("bonjour@exemple.org", footer)
        self.assertNotIn(PHONE, footer)


class AdminLanguageTests(AdminFormTestCase):
    def test_admin_is_in_french(self):
        """Staff work in French: the admin shell declares it and speaks it."""
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, 'lang="fr"')
        self.assertContains(response, "Tableau de bord")


class YearFieldHintTests(AdminFormTestCase):
    """Year boxes announce the accepted range in the form, before the editor submits."""

    def test_milestone_year_box_says_1990_to_2100(self):
        history = HistoryPageFactory(milestones=[HistoryMilestoneFactory.build(year=2006)])
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[history.pk]))
        self.assertContains(response, 'min="1990"')
        self.assertContains(response, 'max="2100"')
        self.assertNotContains(response, 'name="milestones-0-year" min="0"')
