"""A judged query set: searches people would type on the site, each with the pages a visitor
expects at the top (on a copy of the seeded demo, the only body of real content the tests
have). The run prints how many judgements hold (« Mesures »); every one must. Typos people
make offer the search they meant.

Each judgement names pages by their address: (query, top n, addresses that must all be in
the first n results of the whole site's search; 10 is the first page).
"""

from __future__ import annotations

import re

JUDGEMENTS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    (
        "partenariat",
        5,
        ("/centres-de-ressources/rse-et-partenariats/", "/centres-de-ressources/observatoire-des-partenariats/"),
    ),
    # Before #30 the publications about partnerships were all on the second page of results.
    (
        "partenariat",
        10,
        (
            "/publications/note-prospective-entreprise-responsable/",
            "/publications/arpea-etude-dirigeants-grandes-entreprises/",
            "/publications/arpea-collectivites-territoriales/",
            "/publications/odd-17-les-impacts-du-faire-alliance-en-france/",
            "/publications/rapport-phare-fragilites-co-construction-territoriale/",
        ),
    ),
    (
        "alliances",
        5,
        ("/programmes/impacts-des-alliances/", "/publications/odd-17-les-impacts-du-faire-alliance-en-france/"),
    ),
    (
        "bien commun",
        3,
        ("/publications/l-alchimie-du-bien-commun/", "/publications/bien-commun-vers-la-fin-des-arrogances/"),
    ),
    ("fondations", 3, ("/centres-de-ressources/fondations-d-avenir/",)),
    ("fondations", 5, ("/publications/etude-enjeux-et-pratiques-des-fondations/",)),
    ("co construction territoriale", 3, ("/centres-de-ressources/co-construction-territoriale/",)),
    ("co construction territoriale", 5, ("/publications/referentiel-co-construction-territoriale/",)),
    ("coconstruction", 5, ("/publications/referentiel-co-construction-territoriale/",)),
    ("alchimie bien commun", 3, ("/publications/l-alchimie-du-bien-commun/",)),
    ("odd 17", 5, ("/publications/odd-17-les-impacts-du-faire-alliance-en-france/",)),
    ("évaluation", 3, ("/centres-de-ressources/evaluation-partenariale/",)),
    ("Heidsieck", 3, ("/qui-sommes-nous/equipe/charles-benoit-heidsieck/",)),
    ("anne robin", 3, ("/qui-sommes-nous/equipe/anne-robin/",)),
    ("ARPEA", 3, ("/programmes/arpea/",)),
    ("phare", 3, ("/programmes/phare/",)),
    ("intérêt général", 3, ("/centres-de-ressources/interet-general/",)),
    ("investissement sociétal", 3, ("/centres-de-ressources/investissement-societal/",)),
    ("innovation associative", 3, ("/publications/livre-blanc-innovation-associative/",)),
    ("entreprise responsable", 3, ("/publications/note-prospective-entreprise-responsable/",)),
    ("observatoire des partenariats", 3, ("/centres-de-ressources/observatoire-des-partenariats/",)),
    ("engagement des salariés", 3, ("/centres-de-ressources/engagement-des-salaries/",)),
    ("modèles socio-économiques", 3, ("/centres-de-ressources/modeles-socio-economiques-associatifs/",)),
    ("think tanks", 3, ("/publications/note-synthese-seminaires-think-tanks/",)),
    ("odd 17", 3, ("/publications/odd-17-economies-et-territoires/",)),
    ("territoires", 3, ("/programmes/territoires-d-avenir/",)),
    ("webinaires", 3, ("/webinaires/",)),
)
#: Typos people make, and the search the answer offers instead.
TYPOS = (("partenarait", "partenariat"), ("evalutaion", "évaluation"), ("fondaton", "fondation"))


def first_results(client, query: str) -> list[str]:
    """Addresses of the first page of results for `query`, in order."""
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    return re.findall(r'<h3 class="result__title"><a href="([^"]+)">', response.content.decode())


def test_the_judged_queries_find_what_people_came_for_and_typos_what_they_meant(demo_database, client, record_property):
    results = {query: first_results(client, query) for query in dict.fromkeys(query for query, _n, _p in JUDGEMENTS)}
    missed = []
    held = {3: 0, 5: 0, 10: 0}
    for query, top, expected in JUDGEMENTS:
        shown = results[query][:top]
        if all(any(url.endswith(path) for url in shown) for path in expected):
            held[top] += 1
        else:
            missed.append(f"« {query} » top {top}: {expected} not in {shown}")
    totals = {top: sum(1 for _q, n, _p in JUDGEMENTS if n == top) for top in held}
    record_property(
        "rapport",
        f"Requêtes jugées : {held[3]}/{totals[3]} dans le top 3, {held[5]}/{totals[5]} dans le top 5, "
        f"{held[10]}/{totals[10]} en première page",
    )
    assert not missed, "\n".join(missed)
    for typed, meant in TYPOS:
        answer = client.get("/recherche/", {"q": typed}).content.decode()
        assert re.search(rf'Vouliez-vous dire&nbsp;: <a href="[^"]+">{meant}</a>', answer), typed
