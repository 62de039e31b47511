"""Demo content for the resource centres (French, written for the site from FACTS.md).

Centres marked UNCERTAIN come from public traces, not from the client's documents: they
have no partner and no launch year, so staff can complete them in the admin without
having to undo anything invented.
"""

from __future__ import annotations

INDEX = {
    "title": "Centres de ressources",
    "slug": "centres-de-ressources",
    "intro": (
        "Douze espaces en libre accès rassemblent ce que Le RAMEAU a appris du terrain : "
        "choisissez votre profil ou votre besoin pour trouver le vôtre."
    ),
    "seo_description": (
        "Les 12 centres de ressources numériques du RAMEAU : méthodes, outils et retours "
        "d'expérience pour s'informer, se former et agir en alliance."
    ),
}

AUDIENCES = [
    {
        "slug": "collectivites-territoriales",
        "name": "Collectivités territoriales",
        "description": "Élus et agents des communes, intercommunalités, départements et régions.",
    },
    {
        "slug": "associations",
        "name": "Associations",
        "description": "Dirigeants bénévoles et salariés des structures associatives.",
    },
    {"slug": "entreprises", "name": "Entreprises", "description": "Dirigeants, responsables RSE et salariés engagés."},
    {"slug": "fondations", "name": "Fondations", "description": "Fondations et fonds de dotation."},
    {
        "slug": "investisseurs-societaux",
        "name": "Investisseurs sociétaux",
        "description": "Financeurs qui recherchent un impact social ou territorial.",
    },
    {
        "slug": "accompagnateurs",
        "name": "Accompagnateurs",
        "description": "Consultants, réseaux et têtes de réseau qui accompagnent les projets d'intérêt général.",
    },
    {
        "slug": "territoires",
        "name": "Territoires",
        "description": "Acteurs d'un même territoire qui veulent agir ensemble.",
    },
]
ALL_AUDIENCES = [audience["slug"] for audience in AUDIENCES]

# needs: "s-informer", "se-former", "agir" (see resources.needs).
CENTRES = [
    {
        "slug": "innovation-territoriale-en-actions",
        "title": "L'innovation territoriale en actions !",
        "url": "https://innovationterritoriale.plateformecapitalisation.org/",
        "partners": ["caisse-des-depots", "cget", "groupe-la-poste"],
        "audiences": ["territoires"],
        "needs": ["s-informer", "se-former", "agir"],
        "launch_year": 2018,
        "summary": (
            "La porte d'entrée de tous les travaux capitalisés par Le RAMEAU : une plateforme "
            "organisée autour des sept besoins repérés sur les territoires, pour passer de "
            "l'envie de coopérer à des projets concrets."
        ),
        "sections": [
            {
                "heading": "Sept besoins, un point de départ",
                "html": (
                    "<p>On y entre par son besoin, parmi sept qualifiés avec les acteurs locaux, "
                    "et chacun ouvre sur des méthodes éprouvées et des exemples inspirants. Les "
                    "autres centres de ressources prennent ensuite le relais, profil par profil.</p>"
                ),
            },
            {
                "heading": "Une plateforme ouverte fin 2018",
                "html": (
                    "<p>Mise en ligne en décembre 2018 avec la Caisse des Dépôts, le CGET et le "
                    "Groupe La Poste, elle a aussi servi de point d'inscription au cycle de "
                    "webinaires 2019, un rendez-vous le troisième jeudi de chaque mois.</p>"
                ),
            },
        ],
    },
    {
        "slug": "co-construction-territoriale",
        "title": "Co-construction territoriale",
        "url": "https://coconstructionterritoriale.wordpress.com/",
        "partners": ["cget"],
        "audiences": ["collectivites-territoriales"],
        "needs": ["s-informer", "agir"],
        "launch_year": None,
        "summary": (
            "Pour les élus et les agents territoriaux : comment réunir associations, entreprises "
            "et habitants autour des priorités d'un territoire, et faire vivre ces alliances dans la durée."
        ),
        "sections": [
            {
                "heading": "Un référentiel pour les collectivités",
                "html": (
                    "<p>Le centre prolonge le référentiel « co-construction territoriale » publié "
                    "en novembre 2016 avec le CGET. On y trouve les pratiques observées dans les "
                    "territoires pionniers et le rôle des « catalyseurs territoriaux », ces "
                    "professionnels qui animent les coopérations locales.</p>"
                ),
            },
        ],
    },
    {
        "slug": "modeles-socio-economiques-associatifs",
        "title": "Modèles socio-économiques associatifs",
        "url": "https://modeleecoassociatif.wordpress.com/",
        "partners": ["adasi"],
        "audiences": ["associations"],
        "needs": ["se-former", "agir"],
        "launch_year": None,
        "summary": (
            "Pour les dirigeants associatifs qui veulent consolider leur projet : diversifier "
            "ses ressources, s'appuyer sur des partenaires variés et faire évoluer son modèle sans perdre son sens."
        ),
        "sections": [
            {
                "heading": "Hybrider son modèle",
                "html": (
                    "<p>Conçu avec l'ADASI, ce centre aide les associations à analyser leurs "
                    "richesses humaines, financières et partenariales, puis à choisir les leviers "
                    "adaptés à leur situation. Il s'appuie notamment sur le livre blanc "
                    "« L'innovation associative » paru en décembre 2017.</p>"
                ),
            },
        ],
    },
    {
        "slug": "rse-et-partenariats",
        "title": "RSE & Partenariats",
        "url": "https://rseetpartenariats.wordpress.com/",
        "partners": ["orse"],
        "audiences": ["entreprises"],
        "needs": ["s-informer", "agir"],
        "launch_year": None,
        "summary": (
            "Pour les entreprises qui veulent relier leur responsabilité sociétale à des "
            "partenariats solides avec les associations et les acteurs de leurs territoires."
        ),
        "sections": [
            {
                "heading": "De la stratégie RSE aux alliances",
                "html": (
                    "<p>Réalisé avec l'ORSE, le centre montre comment une entreprise peut faire "
                    "de ses partenariats un levier de performance autant que d'engagement. Il "
                    "s'inscrit dans la réflexion ouverte en 2013 par la note prospective "
                    "« L'Entreprise Responsable ».</p>"
                ),
            },
        ],
    },
    {
        "slug": "investissement-societal",
        "title": "Investissement sociétal",
        "url": "https://investissement-societal.plateformecapitalisation.org/",
        "partners": ["caisse-des-depots"],
        "audiences": ["investisseurs-societaux"],
        "needs": ["s-informer", "agir"],
        "launch_year": None,
        "summary": (
            "Pour les financeurs qui cherchent à soutenir l'innovation sociétale : repères, "
            "pratiques et outils pour investir au service des territoires et de l'intérêt général."
        ),
        "sections": [
            {
                "heading": "Investir autrement",
                "html": (
                    "<p>Construit avec la Caisse des Dépôts, ce centre rassemble les démarches "
                    "d'investissement qui conjuguent utilité sociale et pérennité économique. Le "
                    "guide « L'investissement sociétal en actions ! », publié en octobre 2018, en "
                    "donne une lecture pratique.</p>"
                ),
            },
        ],
    },
    {
        "slug": "fondations-d-avenir",
        "title": "Fondations d'avenir",
        "url": "https://communautefondations.wordpress.com/",
        "partners": ["cff"],
        "audiences": ["fondations"],
        "needs": ["s-informer", "se-former"],
        "launch_year": None,
        "summary": (
            "Pour les fondations et fonds de dotation : comprendre les évolutions du secteur et "
            "renforcer l'impact de leurs actions grâce à la coopération."
        ),
        "sections": [
            {
                "heading": "Un centre construit avec le CFF",
                "html": (
                    "<p>Le Centre français des fonds et fondations et Le RAMEAU y partagent les "
                    "enseignements de l'étude « Enjeux et pratiques des fondations en France » "
                    "(septembre 2017) et des exemples de fondations qui font alliance.</p>"
                ),
            },
        ],
    },
    {
        "slug": "accompagnement-strategique",
        "title": "Accompagnement stratégique des structures d'intérêt général",
        "url": "https://accompagnementdesassociations.wordpress.com/",
        "partners": ["consultin-france"],
        "audiences": ["accompagnateurs"],
        "needs": ["se-former", "agir"],
        "launch_year": None,
        "summary": (
            "Pour celles et ceux qui accompagnent les projets à forte utilité sociétale : "
            "méthodes, postures et outils pour aider une structure à faire ses choix stratégiques."
        ),
        "sections": [
            {
                "heading": "Accompagner les accompagnateurs",
                "html": (
                    "<p>Réalisé avec Consult'In France, le centre s'appuie sur la note collective "
                    "« Enjeux et pratiques d'accompagnement des structures d'intérêt général » "
                    "publiée par le Collectif G10 en juin 2017.</p>"
                ),
            },
        ],
    },
    # UNCERTAIN: the five centres below come from public traces (FACTS.md marks them "?").
    {
        "slug": "evaluation-partenariale",
        "title": "Évaluation partenariale",
        "url": "https://evaluation-partenariale.plateformecapitalisation.org/",
        "partners": [],
        "audiences": ALL_AUDIENCES,
        "needs": ["se-former", "agir"],
        "launch_year": None,
        "summary": (
            "Mesurer ce qu'un partenariat apporte à chacun de ses membres et à son territoire : "
            "des repères pour évaluer ensemble, quel que soit le type d'organisation."
        ),
        "sections": [
            {
                "heading": "Évaluer pour progresser",
                "html": (
                    "<p>Évaluer une alliance, c'est regarder à la fois la valeur créée pour les "
                    "partenaires et l'impact produit pour les bénéficiaires. Ce centre réunit des "
                    "outils pour conduire cette démarche de façon partagée.</p>"
                ),
            },
        ],
    },
    {
        "slug": "engagement-des-salaries",
        "title": "Engagement des salariés",
        "url": "https://engagement-des-salaries.plateformecapitalisation.org/",
        "partners": [],
        "audiences": ["entreprises"],
        "needs": ["s-informer", "agir"],
        "launch_year": None,
        "summary": (
            "Mécénat de compétences, bénévolat, projets partagés : comment une entreprise peut "
            "offrir à ses équipes des occasions de s'engager au service de l'intérêt général."
        ),
        "sections": [
            {
                "heading": "Mobiliser les compétences",
                "html": (
                    "<p>L'engagement des collaborateurs est l'une des formes les plus concrètes "
                    "d'alliance entre entreprises et associations. Le centre en présente les "
                    "différentes formes et les conditions de réussite.</p>"
                ),
            },
        ],
    },
    {
        "slug": "specificites-associatives",
        "title": "Spécificités associatives",
        "url": "https://specificites-associatives.plateformecapitalisation.org/",
        "partners": [],
        "audiences": ["associations"],
        "needs": ["s-informer"],
        "launch_year": None,
        "summary": (
            "Ce qui distingue le fait associatif et ce qu'il apporte à la société : des repères "
            "pour mieux le comprendre et le faire reconnaître par ses partenaires."
        ),
        "sections": [
            {
                "heading": "Mieux connaître le monde associatif",
                "html": (
                    "<p>Gouvernance, engagement bénévole, ancrage local : le centre éclaire les "
                    "singularités des associations, utiles à qui veut construire avec elles.</p>"
                ),
            },
        ],
    },
    {
        "slug": "interet-general",
        "title": "Intérêt général",
        "url": "https://rapportinteretgeneral.wordpress.com/",
        "partners": [],
        "audiences": ALL_AUDIENCES,
        "needs": ["s-informer"],
        "launch_year": None,
        "summary": (
            "Qui porte l'intérêt général aujourd'hui, et comment ? Un espace de réflexion sur les "
            "nouveaux enjeux, les nouvelles alliances et la gouvernance partagée du bien commun."
        ),
        "sections": [
            {
                "heading": "Un débat ouvert à tous",
                "html": (
                    "<p>Le RAMEAU a consacré plusieurs travaux à l'intérêt général, dont un "
                    "rapport publié en novembre 2015 et un colloque organisé en juin 2018 : "
                    "l'affaire de tous, et pas seulement des pouvoirs publics.</p>"
                ),
            },
        ],
    },
    {
        "slug": "observatoire-des-partenariats",
        "title": "Observatoire des partenariats",
        "url": "https://observatoire-des-partenariats.fr/",
        "partners": ["caisse-des-depots"],
        "audiences": ALL_AUDIENCES,
        "needs": ["s-informer"],
        "launch_year": 2008,
        "summary": (
            "Les études qui mesurent, depuis 2008, la manière dont citoyens, maires, entreprises, "
            "associations et fondations perçoivent et pratiquent les alliances en France."
        ),
        "sections": [
            {
                "heading": "Mesurer le mouvement dans la durée",
                "html": (
                    "<p>Créé avec la Caisse des Dépôts, en lien avec le Mouvement associatif et le "
                    "MEDEF, l'Observatoire suit l'évolution des partenariats grâce à des enquêtes "
                    "statistiques régulières, dont le programme PHARE et son rapport quinquennal "
                    "de février 2018.</p>"
                ),
            },
        ],
    },
]
