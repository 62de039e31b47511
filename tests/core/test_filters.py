"""The core's filter form: what every list does with a hostile or mistyped address (no database)."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from core.filters import ChoiceFilter, FilterForm, PageFilter, SearchText, SearchTextFilter, YearFilter


class ColourForm(FilterForm):
    couleur = ChoiceFilter(label="Couleur", choices=[("rouge", "Rouge"), ("vert", "Vert")])
    annee = YearFilter(label="Année", choices=[(2018, "2018"), (2019, "2019")])
    q = SearchTextFilter(label="Recherche", max_length=30, max_words=3)
    page = PageFilter()


def read(query: str) -> ColourForm:
    return ColourForm(QueryDict(query))


def test_good_values_are_cleaned():
    form = read("couleur=%20Rouge%20&annee=2019&q=des%20jardins&page=2&utm_source=lettre")
    assert form.values == {
        "couleur": "rouge",
        "annee": 2019,
        "q": SearchText("des jardins", ["des", "jardins"]),
        "page": "2",
    }
    assert form.notices == []


def test_nothing_asked_gives_empty_values_and_no_notice():
    form = read("")
    assert form.values == {"couleur": "", "annee": None, "q": SearchText(), "page": ""}
    assert form.notices == []


@pytest.mark.parametrize(
    "query,notice",
    [
        (
            "couleur=bleu",
            "« Couleur » : « bleu » ne fait pas partie des choix proposés (choix possibles : Rouge, Vert) ; "
            "ce critère n'a pas été appliqué.",
        ),
        (
            "couleur=rouge&couleur=vert",
            "« Couleur » figure plusieurs fois dans l'adresse : ce critère n'a pas été appliqué.",
        ),
        ("couleur[]=rouge", "« Couleur » est mal écrit dans l'adresse : ce critère n'a pas été appliqué."),
        (
            "couleur[0]=rouge&couleur=rouge",
            "« Couleur » est mal écrit dans l'adresse : ce critère n'a pas été appliqué.",
        ),
        (
            "couleur=" + "r" * 81,
            "« Couleur » : la valeur reçue dépasse 80 caractères ; ce critère n'a pas été appliqué.",
        ),
        (
            "annee=20xx",
            "« Année » : « 20xx » n'est pas une année (quatre chiffres, par exemple 2018) ; "
            "ce critère n'a pas été appliqué.",
        ),
        ("annee=%D9%A3%D9%A3%D9%A3%D9%A3", "« Année » : « ٣٣٣٣ » n'est pas une année"),
        ("annee=1850", "« Année » : « 1850 » ne fait pas partie des choix proposés (choix possibles : 2018, 2019)"),
        ("q=a&q=b", "« Recherche » figure plusieurs fois dans l'adresse : ce critère n'a pas été appliqué."),
        ("page=1&page=2", "« Page » figure plusieurs fois dans l'adresse : ce critère n'a pas été appliqué."),
    ],
)
def test_each_fault_is_set_aside_with_its_notice(query, notice):
    form = read(query)
    (found,) = form.notices
    assert found.startswith(notice)
    name = query.split("=")[0].split("[")[0]
    assert form.values[name] == ColourForm.base_fields[name].clean(None)


def test_control_characters_and_invalid_utf8_are_dropped():
    form = read("couleur=ro%00uge%FF&q=%01jardins%E2%82")
    assert form.values["couleur"] == "rouge" and form.values["q"].text == "jardins"
    assert form.notices == []


def test_a_value_too_long_to_show_back_is_shortened_in_its_notice():
    (notice,) = read("couleur=" + "b" * 60).notices
    assert "« " + "b" * 39 + "… »" in notice


def test_search_text_corrections():
    assert read("q=").notices == [
        "Votre recherche était vide : saisissez un ou plusieurs mots, par exemple « territoire »."
    ]
    assert read("q=%21%3F").notices == [
        "Votre recherche ne contient aucun mot : saisissez par exemple un thème, un titre ou un nom."
    ]
    cut = read("q=" + "mot%20" * 10)
    assert cut.values["q"].words == ["mot", "mot", "mot"]
    assert cut.notices == [
        "Votre recherche était très longue : seuls ses 30 premiers caractères ont été pris en compte.",
        "Seuls les 3 premiers mots de votre recherche ont été pris en compte.",
    ]


def test_a_search_too_long_can_be_set_aside_instead_of_cut():
    class Strict(FilterForm):
        q = SearchTextFilter(label="Recherche", max_length=5, cut_when_long=False)

    form = Strict(QueryDict("q=territoires"))
    assert form.values["q"] == SearchText()
    assert form.notices == ["« Recherche » : la valeur reçue dépasse 5 caractères ; ce critère n'a pas été appliqué."]


def test_notices_follow_the_order_of_the_fields():
    form = read("page=1&page=3&q=%21&annee=x&couleur=bleu")
    starts = ["« Couleur » : ", "« Année » : ", "Votre recherche ne contient aucun mot", "« Page » figure"]
    assert len(form.notices) == len(starts)
    assert all(notice.startswith(start) for notice, start in zip(form.notices, starts, strict=True))


def test_page_numbers_are_left_to_the_paginator():
    """core.pagination corrects and explains a bad number, the same way on every list."""
    form = read("page=abc")
    assert form.values["page"] == "abc" and form.notices == []


def test_choices_are_read_only_when_a_value_arrives():
    asked = []

    class Lazy(FilterForm):
        couleur = ChoiceFilter(label="Couleur")

        def __init__(self, params: QueryDict) -> None:
            super().__init__(params)
            self.fields["couleur"].choices = lambda: asked.append(1) or [("rouge", "Rouge")]

    assert Lazy(QueryDict("")).values == {"couleur": ""} and asked == []
    assert Lazy(QueryDict("couleur=rouge")).values == {"couleur": "rouge"} and asked
