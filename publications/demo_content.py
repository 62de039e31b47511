"""Demo content for the library and the news (French, written for the site from FACTS.md).

Titles, dates, publishers and authors come from the fact sheet; every summary and article
sentence is our own. Where the fact sheet gives no author, the work is credited to Le RAMEAU,
which staff can correct in the admin.
"""

from __future__ import annotations

import datetime

INDEX = {
    "title": "Publications",
    "slug": "publications",
    "intro": (
        "Livres, études, référentiels, guides et cahiers de recherche : tout ce que Le RAMEAU "
        "a appris du terrain depuis 2006, en accès libre, à lire, télécharger et citer."
    ),
    "seo_description": (
        "La bibliothèque du RAMEAU : ses livres, études de l'Observatoire des partenariats, "
        "référentiels, guides et cahiers de recherche sur les alliances d'intérêt général."
    ),
}

NEWS_INDEX = {
    "title": "Actualités",
    "slug": "actualites",
    "intro": "Les nouvelles du laboratoire et les prises de position du RAMEAU sur le « faire alliance ».",
    "seo_description": "Actualités et tribunes du RAMEAU, laboratoire de recherche sur les alliances au service du bien commun.",
}

# (slug, name, plural, nature) — staff extend this list in the admin.
TYPES = [
    ("livre", "Livre", "Livres", "book"),
    ("etude", "Étude", "Études", "report"),
    ("rapport", "Rapport", "Rapports", "report"),
    ("referentiel", "Référentiel", "Référentiels", "report"),
    ("guide", "Guide", "Guides", "report"),
    ("note", "Note", "Notes", "report"),
    ("livre-blanc", "Livre blanc", "Livres blancs", "report"),
    ("actes", "Actes", "Actes", "proceedings"),
    ("cahier-de-recherche", "Cahier de recherche", "Cahiers de recherche", "article"),
    ("dossier", "Dossier", "Dossiers", "article"),
]

# Shared with the webinars (pages.Theme): found by slug, or by name if another app made it.
THEMES = [
    ("interet-general", "Intérêt général", "Ce que recouvre l'intérêt général aujourd'hui et qui le porte."),
    ("co-construction-territoriale", "Co-construction territoriale", "Agir ensemble à l'échelle d'un territoire."),
    ("associations", "Associations", "Modèles socio-économiques et innovation associative."),
    ("entreprises-rse", "Entreprises et RSE", "L'engagement des entreprises et leurs partenariats."),
    ("fondations", "Fondations", "Enjeux et pratiques des fondations et fonds de dotation."),
    ("investissement-societal", "Investissement sociétal", "Financer l'innovation sociétale et mesurer son impact."),
    ("odd-17", "ODD 17 et impact", "L'objectif de développement durable n° 17 et l'impact des alliances."),
    ("methode-de-recherche", "Méthode de recherche", "Comment Le RAMEAU observe, expérimente et modélise."),
]

LE_RAMEAU = ("", "Le RAMEAU")
HEIDSIECK = ("Charles-Benoît", "Heidsieck")


def month(year: int, number: int) -> tuple[datetime.date, str]:
    return datetime.date(year, number, 1), "month"


def day(year: int, number: int, day_number: int) -> tuple[datetime.date, str]:
    return datetime.date(year, number, day_number), "day"


def year_only(year: int) -> tuple[datetime.date, str]:
    return datetime.date(year, 1, 1), "year"


# Each publication: the fact-sheet data, a summary of our own, and what it links to.
# "pdf": a small generated PDF is attached (a few demo downloads); "centres": centre slugs.
PUBLICATIONS = [
    {
        "slug": "bien-commun-vers-la-fin-des-arrogances",
        "title": "Bien commun : vers la fin des arrogances !",
        "type": "livre",
        "date": month(2016, 12),
        "publisher": "Éditions Dalloz",
        "collection": "JURIS Associations",
        "authors": [LE_RAMEAU],
        "summary": (
            "Un ouvrage collectif qui pose la vision d'ensemble du RAMEAU : les défis de notre "
            "époque ne se relèvent pas chacun dans son coin, et les postures d'autorité cèdent la "
            "place à une co-construction entre associations, entreprises et pouvoirs publics."
        ),
        "themes": ["interet-general", "co-construction-territoriale"],
        "centres": ["interet-general"],
        "body": [
            (
                "<p>Dix ans après sa création, le laboratoire rassemble ici des contributions "
                "d'horizons variés pour décrire un changement de regard<sup>1</sup> : l'intérêt "
                "général n'est plus le monopole d'un acteur, il se construit à plusieurs.</p>"
            ),
        ],
        "sources": [
            "Le RAMEAU, programme de recherche sur l'intérêt général, engagé en 2014.",
        ],
    },
    {
        "slug": "oser-l-interet-general",
        "title": "Oser l'intérêt général",
        "type": "livre",
        "date": year_only(2017),
        "publisher": "Éditions du Net",
        "collection": "La FONDA",
        "authors": [LE_RAMEAU],
        "summary": (
            "Douze projets d'innovation sociétale, suivis à des stades différents de leur "
            "développement, montrent le temps qu'il faut, les étapes à franchir et "
            "l'accompagnement dont ces initiatives ont besoin pour grandir."
        ),
        "themes": ["interet-general", "associations"],
        "centres": ["accompagnement-strategique"],
    },
    {
        "slug": "l-alchimie-du-bien-commun",
        "title": "L'Alchimie du bien commun",
        "type": "livre",
        "date": year_only(2018),
        "publisher": "Éditions Le RAMEAU",
        "authors": [LE_RAMEAU],
        "summary": (
            "Publié avec la Fondation pour la Co-construction du bien commun, ce livre raconte "
            "treize exemples inspirants pris sur le terrain : autant de preuves que l'innovation "
            "collective est déjà à l'œuvre dans les territoires."
        ),
        "themes": ["co-construction-territoriale", "interet-general"],
        "centres": ["innovation-territoriale-en-actions"],
        "pdf": True,
    },
    {
        "slug": "referentiel-co-construction-territoriale",
        "title": "Co-construction territoriale",
        "subtitle": "Référentiel des pratiques des territoires pionniers",
        "type": "referentiel",
        "date": month(2016, 11),
        "publisher": "Le RAMEAU",
        "authors": [LE_RAMEAU],
        "partners": ["Commissariat général à l'égalité des territoires (CGET)"],
        "summary": (
            "Ce référentiel décrit comment les collectivités, les entreprises et les "
            "associations d'un même territoire s'organisent pour agir ensemble, et définit le "
            "rôle nouveau des « catalyseurs territoriaux » qui animent ces coopérations."
        ),
        "themes": ["co-construction-territoriale"],
        "centres": ["co-construction-territoriale"],
        "pdf": True,
    },
    {
        "slug": "livre-blanc-innovation-associative",
        "title": "L'innovation associative",
        "type": "livre-blanc",
        "date": month(2017, 12),
        "publisher": "GPMA – Le RAMEAU",
        "authors": [("", "GPMA"), LE_RAMEAU],
        "summary": (
            "Un livre blanc sur la capacité des associations à inventer des réponses nouvelles, "
            "et sur les conditions qui leur permettent de transformer l'essai : modèle "
            "économique, alliances et reconnaissance de leur rôle d'innovateur."
        ),
        "themes": ["associations"],
        "centres": ["modeles-socio-economiques-associatifs", "specificites-associatives"],
        "pdf": True,
    },
    {
        "slug": "note-prospective-entreprise-responsable",
        "title": "L'Entreprise Responsable",
        "subtitle": "Note prospective pour les Assises de l'entrepreneuriat",
        "type": "note",
        "date": month(2013, 2),
        "publisher": "Le RAMEAU",
        "authors": [LE_RAMEAU],
        "summary": (
            "Préparée pour les Assises de l'entrepreneuriat, cette note montre comment "
            "l'entreprise peut conjuguer performance et contribution au bien commun, en "
            "s'appuyant sur des partenariats avec son territoire."
        ),
        "themes": ["entreprises-rse"],
        "centres": ["rse-et-partenariats", "engagement-des-salaries"],
    },
    {
        "slug": "guide-investissement-societal-en-actions",
        "title": "L'investissement sociétal en actions !",
        "type": "guide",
        "date": month(2018, 10),
        "publisher": "AG2R LA MONDIALE – Le RAMEAU",
        "authors": [("", "AG2R LA MONDIALE"), LE_RAMEAU],
        "partners": ["AG2R LA MONDIALE"],
        "summary": (
            "Un guide pratique pour les financeurs qui veulent soutenir l'innovation "
            "sociétale : comment repérer les projets, choisir la forme de l'engagement et "
            "suivre ce qu'il produit, exemples à l'appui."
        ),
        "themes": ["investissement-societal"],
        "centres": ["investissement-societal"],
        "pdf": True,
    },
    {
        "slug": "etude-enjeux-et-pratiques-des-fondations",
        "title": "Enjeux et pratiques des fondations en France",
        "type": "etude",
        "date": month(2017, 9),
        "publisher": "CFF – Le RAMEAU",
        "authors": [("", "Centre français des fonds et fondations"), LE_RAMEAU],
        "partners": ["Centre français des fonds et fondations (CFF)"],
        "summary": (
            "Une étude menée avec le Centre français des fonds et fondations : ce que les "
            "fondations cherchent à accomplir, comment elles choisissent leurs partenaires et "
            "comment leur rôle évolue face aux fragilités."
        ),
        "themes": ["fondations"],
        "centres": ["fondations-d-avenir"],
        "pdf": True,
    },
    {
        "slug": "note-accompagnement-structures-interet-general",
        "title": "Enjeux et pratiques d'accompagnement des structures d'intérêt général",
        "subtitle": "Note collective",
        "type": "note",
        "date": month(2017, 6),
        "publisher": "Collectif G10",
        "authors": [("", "Collectif G10")],
        "summary": (
            "Dix têtes de réseau de l'accompagnement croisent leurs pratiques : à quels "
            "moments une structure d'intérêt général a besoin d'être accompagnée, par qui, et "
            "comment mieux articuler les offres existantes."
        ),
        "themes": ["associations"],
        "centres": ["accompagnement-strategique"],
    },
    {
        "slug": "rapport-interet-general-nouvelles-alliances",
        "title": "Intérêt général : nouveaux enjeux, nouvelles alliances, nouvelle gouvernance",
        "type": "rapport",
        "date": month(2015, 11),
        "publisher": "Le RAMEAU",
        "authors": [("H.", "Allier"), HEIDSIECK],
        "summary": (
            "Ce rapport retrace comment la notion d'intérêt général a évolué et propose trois "
            "leviers pour la faire vivre aujourd'hui : une vision partagée, l'action collective "
            "et une régulation adaptée."
        ),
        "themes": ["interet-general"],
        "centres": ["interet-general"],
        "pdf": True,
        "body": [
            (
                "<p>Le rapport s'appuie sur une réflexion collective engagée en 2014 avec des "
                "acteurs de référence<sup>1</sup>, puis mise en débat avec des think tanks "
                "d'intérêt général<sup>2</sup>.</p>"
            ),
        ],
        "sources": [
            "Démarche collective de réflexion sur l'intérêt général co-pilotée par Le RAMEAU depuis 2014.",
            "Note de synthèse des séminaires avec les think tanks, juin 2016.",
        ],
    },
    {
        "slug": "note-synthese-seminaires-think-tanks",
        "title": "Note de synthèse des séminaires avec les think tanks",
        "type": "note",
        "date": month(2016, 6),
        "publisher": "Le RAMEAU",
        "authors": [LE_RAMEAU],
        "summary": (
            "La synthèse d'une série de séminaires où des think tanks ont discuté les travaux "
            "sur l'intérêt général : points d'accord, désaccords utiles et questions à creuser."
        ),
        "themes": ["interet-general"],
        "centres": ["interet-general"],
    },
    {
        "slug": "actes-colloque-interet-general-affaire-de-tous",
        "title": "Intérêt général : dès aujourd'hui l'affaire de tous ?",
        "subtitle": "Actes et synthèse du colloque",
        "type": "actes",
        "date": month(2018, 6),
        "publisher": "Le RAMEAU",
        "authors": [LE_RAMEAU],
        "summary": (
            "Les interventions et les échanges d'un colloque consacré à une question simple en "
            "apparence : l'intérêt général peut-il être porté par chacun, citoyen comme "
            "organisation, et à quelles conditions ?"
        ),
        "themes": ["interet-general"],
        "centres": ["interet-general"],
    },
    {
        "slug": "dossier-l-interet-general-en-actions",
        "title": "L'intérêt général en actions",
        "type": "dossier",
        "date": month(2019, 3),
        "publisher": "JURIS Associations",
        "authors": [LE_RAMEAU],
        "summary": (
            "Un dossier de revue qui donne à voir, par des cas concrets, comment l'intérêt "
            "général se construit désormais à plusieurs, entre associations, entreprises et "
            "collectivités."
        ),
        "themes": ["interet-general", "associations"],
        "centres": ["interet-general"],
    },
    {
        "slug": "rapport-phare-fragilites-co-construction-territoriale",
        "title": "Fragilités et co-construction territoriale",
        "subtitle": "Rapport quinquennal du programme PHARE",
        "type": "rapport",
        "date": month(2018, 2),
        "publisher": "Observatoire des partenariats",
        "authors": [("", "Observatoire des partenariats")],
        "partners": ["Caisse des Dépôts"],
        "summary": (
            "Cinq ans d'enquêtes du programme PHARE auprès des citoyens, des maires, des "
            "entreprises et des associations : les fragilités perçues sur chaque territoire et "
            "la façon dont les acteurs s'organisent pour y répondre ensemble."
        ),
        "themes": ["co-construction-territoriale", "odd-17"],
        "centres": ["observatoire-des-partenariats", "co-construction-territoriale"],
        "pdf": True,
    },
    {
        "slug": "methode-de-recherche-du-rameau",
        "title": "La méthode de recherche du RAMEAU",
        "subtitle": "Présentation",
        "type": "note",
        "date": month(2018, 2),
        "publisher": "Le RAMEAU",
        "authors": [LE_RAMEAU],
        "summary": (
            "Comment travaille un laboratoire de recherche empirique : observer au plus près "
            "des décisions des organisations, mesurer par la statistique, et mettre les "
            "résultats en débat avant de les modéliser."
        ),
        "themes": ["methode-de-recherche"],
        "centres": [],
    },
    {
        "slug": "odd-17-les-impacts-du-faire-alliance-en-france",
        "title": "ODD 17 : les impacts du faire alliance en France",
        "type": "cahier-de-recherche",
        "date": day(2022, 3, 31),
        "publisher": "Le RAMEAU",
        "authors": [LE_RAMEAU, ("", "Institut pour la Recherche de la Caisse des Dépôts")],
        "partners": ["Caisse des Dépôts"],
        "summary": (
            "Premier cahier consacré à la mesure de l'impact des alliances à l'échelle du pays : "
            "ce que la coopération entre acteurs change pour les personnes, les organisations "
            "et les territoires."
        ),
        "themes": ["odd-17"],
        "centres": ["observatoire-des-partenariats", "evaluation-partenariale"],
        "pdf": True,
    },
    {
        "slug": "odd-17-economies-et-territoires",
        "title": "ODD 17 : Économie(s) & Territoire(s)",
        "type": "cahier-de-recherche",
        "date": day(2023, 12, 21),
        "publisher": "Le RAMEAU",
        "authors": [LE_RAMEAU],
        "summary": (
            "Ce cahier explore le lien entre les alliances locales et la vitalité économique "
            "des territoires : quelles coopérations créent de l'activité, et à quelles "
            "conditions elles durent."
        ),
        "themes": ["odd-17", "co-construction-territoriale"],
        "centres": ["innovation-territoriale-en-actions"],
    },
]

ARTICLES = [
    {
        "slug": "apprenons-a-valoriser-le-faire-alliance",
        "title": "Apprenons à valoriser le « faire alliance »",
        "date": datetime.date(2022, 3, 10),
        "kind": "tribune",
        "author": "Le RAMEAU",
        "summary": (
            "Quinze ans de recherche de terrain ont montré ce que les alliances apportent. "
            "Reste à le faire savoir : Le RAMEAU présente sa méthode de valorisation en quatre "
            "piliers et les trois alliés dont elle a besoin."
        ),
        "related": ["odd-17-les-impacts-du-faire-alliance-en-france"],
        "sections": [
            (
                None,
                "<p>Une recherche empirique avance lentement : chaque programme du RAMEAU se "
                "déroule sur sept ans, le temps de vérifier qu'un « signal faible » devient une "
                "tendance. En quinze ans, ce travail s'est nourri de plus de 500 "
                "recherches-actions, d'une cinquantaine d'études statistiques de l'Observatoire "
                "des partenariats<sup>1</sup> et d'échanges réguliers avec quelque 350 "
                "« catalyseurs territoriaux ».</p>"
                "<p>Les objectifs des alliances sont désormais bien cernés. Ce qui manque, "
                "c'est leur reconnaissance : beaucoup de territoires pionniers agissent "
                "ensemble sans être entendus.</p>",
            ),
            (
                "Une valorisation en quatre piliers",
                "<ul><li>rendre le cap et le cadre compréhensibles par tous ;</li>"
                "<li>capitaliser les pratiques innovantes pour qu'elles circulent ;</li>"
                "<li>évaluer les résultats et les impacts au regard des objectifs visés ;</li>"
                "<li>modéliser la valeur créée et les moyens de la démultiplier.</li></ul>"
                "<p>Cette démarche s'inscrit dans la feuille de route née de la mission "
                "ministérielle sur l'accélération des alliances, et le Fonds ODD 17 la finance "
                "depuis 2020<sup>2</sup>.</p>",
            ),
            (
                "Trois alliés pour se faire entendre",
                "<p><strong>Les institutions</strong>, d'abord : la Caisse des Dépôts "
                "soutient ces travaux depuis 2008, et le CESE s'intéresse de près à la "
                "co-construction territoriale.</p>"
                "<p><strong>Le monde académique</strong>, ensuite : un programme mené avec "
                "l'Institut pour la Recherche de la Caisse des Dépôts depuis 2017 porte ses "
                "fruits, et un séminaire de recherche se tient le 30 mars 2022.</p>"
                "<p><strong>Les médias</strong>, enfin : pour la première fois, Le RAMEAU "
                "invite des journalistes à un dîner de presse, le 28 mars 2022, pour leur "
                "présenter ce mouvement encore discret.</p>",
            ),
        ],
        "sources": [
            "Observatoire des partenariats, créé en 2008 avec la Caisse des Dépôts.",
            "Fonds ODD 17, créé en 2020 pour financer la feuille de route des alliances.",
        ],
    },
    {
        "slug": "premiere-etude-nationale-impact-faire-alliance",
        "title": "Première étude nationale d'impact du « faire alliance »",
        "date": datetime.date(2022, 3, 31),
        "kind": "actualite",
        "author": "Le RAMEAU",
        "summary": (
            "L'Observatoire des partenariats publie le premier cahier de recherche qui mesure, "
            "à l'échelle de la France, ce que produisent les alliances entre acteurs."
        ),
        "related": ["odd-17-les-impacts-du-faire-alliance-en-france"],
        "sections": [
            (
                None,
                "<p>Préparé avec l'Institut pour la Recherche de la Caisse des Dépôts, ce cahier "
                "rassemble les résultats d'une démarche d'évaluation conduite sur plusieurs "
                "années. Il est disponible en libre accès dans la bibliothèque.</p>",
            ),
        ],
        "sources": [],
    },
    {
        "slug": "parution-cahier-odd-17-economies-et-territoires",
        "title": "Parution du cahier « ODD 17 : Économie(s) & Territoire(s) »",
        "date": datetime.date(2023, 12, 21),
        "kind": "actualite",
        "author": "Le RAMEAU",
        "summary": "Un nouveau cahier de recherche sur la façon dont les alliances locales soutiennent l'économie des territoires.",
        "related": ["odd-17-economies-et-territoires"],
        "sections": [
            (
                None,
                "<p>Ce cahier prolonge les travaux sur l'ODD 17 en s'intéressant à l'activité "
                "économique : quelles coopérations font naître des emplois et des projets "
                "durables dans les territoires ?</p>",
            ),
        ],
        "sources": [],
    },
]
