"""Contenu de démonstration (en français) du site de Le RAMEAU.

Données pures, sans dépendance à Django : ce module est lu par la commande de
création du contenu de démonstration (``seed_demo``).

Les faits et les chiffres proviennent de ``/work/shared/content/FACTS.md`` et
des documents fournis par Le RAMEAU ; toutes les phrases ont été rédigées pour
le site. Les éléments marqués comme incertains dans la fiche de faits sont
signalés en commentaire et pourront être corrigés dans l'administration.

Conventions :
- les champs ``text`` / ``html`` / ``positioning`` sont du texte riche HTML
  simple (<p>, <strong>, <em>, <ul><li>, <a>) ; les champs ``intro``,
  ``headline``, ``seo_description``, ``label`` sont du texte brut ;
- chaque ``key`` est un identifiant stable et unique, utilisé pour retrouver
  les objets d'une exécution à l'autre.
"""

SITE_NAME = "Le RAMEAU"


# ---------------------------------------------------------------------------
# Page d'accueil
# ---------------------------------------------------------------------------

HOME = {
    "title": "Accueil",
    "headline": "Comprendre et accélérer les alliances au service du bien commun",
    "intro": (
        "Depuis 2006, Le RAMEAU observe, expérimente et modélise les coopérations "
        "entre acteurs publics et privés : associations, entreprises, collectivités "
        "territoriales. "
        "Ce laboratoire de recherche empirique éclaire les décideurs sur la "
        "co-construction du bien commun et publie ses résultats en libre accès."
    ),
    "seo_description": (
        "Le RAMEAU, laboratoire de recherche empirique créé en 2006, étudie et "
        "outille les alliances d'intérêt général entre organisations et territoires."
    ),
}


# ---------------------------------------------------------------------------
# Qui sommes-nous ?
# ---------------------------------------------------------------------------

MISSION = {
    "title": "Qui sommes-nous ?",
    "slug": "qui-sommes-nous",
    "intro": (
        "Le RAMEAU produit une connaissance de terrain sur les coopérations "
        "d'intérêt général, pour aider les décideurs publics et privés à mieux les "
        "comprendre et à s'y engager."
    ),
    "positioning": (
        "<p>Le RAMEAU est un <strong>laboratoire d'innovations partenariales</strong>. "
        "Il combine trois rôles. <strong>Observatoire</strong>, il mesure les "
        "enjeux et les pratiques des partenariats. <strong>Centre "
        "d'expérimentations</strong>, il fait naître de nouveaux modèles. "
        "<strong>Lieu de prospective</strong>, il prépare la diffusion à grande "
        "échelle de solutions qui rapprochent économie et intérêt général.</p>"
        "<p>Fondé en 2006, Le RAMEAU est une <strong>association d'intérêt "
        "général</strong>. Sa singularité tient à sa méthode : il part de la "
        "réalité du terrain pour comprendre les mouvements émergents, puis les "
        "modéliser. Chaque programme de recherche s'étend sur plusieurs "
        "années, le temps nécessaire pour vérifier que les « signaux faibles » observés se "
        "confirment.</p>"
        "<p>Cette démarche empirique s'appuie sur trois leviers : des dialogues de "
        "gouvernance menés aux côtés des organisations, des études statistiques et "
        "scientifiques, et la mise en débat des résultats entre acteurs, notamment "
        "dans les territoires. L'enjeu : permettre aux acteurs publics et privés "
        "de faire de ces alliances un levier pour répondre aux fragilités et "
        "créer de nouvelles sources durables d'activité.</p>"
    ),
    "missions": [
        {
            "title": "Témoigner",
            "text": (
                "<p>Pour rendre compte du mouvement de co-construction, Le RAMEAU "
                "s'appuie sur des observations de longue haleine : sept ans au "
                "minimum pour chaque programme. Il croise les points de vue "
                "d'acteurs très divers, vérifie les tendances par la statistique "
                "et illustre ses constats par plus de 1 000 retours d'expérience "
                "de terrain.</p>"
            ),
            "proof_title": "La preuve en acte",
            "proof_text": (
                "<p>En 2008, Le RAMEAU crée avec la Caisse des Dépôts "
                "l'<strong>Observatoire des partenariats</strong>. Sa vocation : "
                "mesurer dans la durée l'état des coopérations au service du bien "
                "commun en France et mettre en lumière les pratiques les plus "
                "innovantes. Ses "
                "études les plus récentes montrent que 81 % des Français, 92 % "
                "des maires, 83 % des dirigeants d'entreprise, 97 % des "
                "responsables associatifs et 98 % des fondations jugent "
                "nécessaire de « jouer collectif » face aux crises actuelles.</p>"
            ),
        },
        {
            "title": "Innover",
            "text": (
                "<p>Le RAMEAU part des « signaux faibles » observés sur le "
                "terrain pour tester de nouveaux modèles d'alliance. Chaque "
                "expérimentation fait ensuite l'objet d'une évaluation, d'une "
                "capitalisation et d'une modélisation. En quinze ans, il a conduit "
                "plus de 500 recherches-actions avec des acteurs publics et "
                "privés, suivi 350 écosystèmes territoriaux et contribué à "
                "mobiliser 100 M€ au profit de plus de cinquante innovations "
                "partenariales.</p>"
            ),
            "proof_title": "La preuve en acte",
            "proof_text": (
                "<p>Ces travaux ont donné naissance, au fil des années, à "
                "<strong>neuf dispositifs collectifs</strong> destinés à "
                "accélérer le mouvement d'alliance en France. Les 100 M€ mobilisés "
                "se répartissent ainsi : 70 M€ pour des projets à impact, 15 M€ "
                "d'ingénierie, 8 M€ de recherche, 5 M€ de capitalisation et 2 M€ "
                "d'investissements.</p>"
            ),
        },
        {
            "title": "Transmettre",
            "text": (
                "<p>Les résultats de recherche sont accessibles librement, sous "
                "plusieurs formes : publications, modules de formation, transferts "
                "de savoir-faire. Cinq formats d'appropriation répondent aux "
                "besoins de chacun :</p>"
                "<ul>"
                "<li>des sessions de sensibilisation ;</li>"
                "<li>des contenus académiques ;</li>"
                "<li>des formations en ligne (MOOC) ;</li>"
                "<li>des form'actions d'un à trois jours ;</li>"
                "<li>des parcours d'expérience de neuf mois.</li>"
                "</ul>"
            ),
            "proof_title": "La preuve en acte",
            "proof_text": (
                "<p>Depuis octobre 2019, Le RAMEAU co-pilote une "
                "<strong>mission ministérielle</strong> consacrée à l'accélération "
                "des alliances entre associations, entreprises et collectivités "
                "territoriales. Plus d'une centaine de réseaux nationaux et "
                "territoriaux, publics comme privés, se sont engagés dans la "
                "feuille de route de la mission, qui a donné de la visibilité aux "
                "actions menées sur le terrain "
                '(<a href="https://www.associations.gouv.fr/bilan-de-2-ans-de-cheminement-collectif.html">'
                "bilan de deux ans de cheminement collectif</a>).</p>"
            ),
        },
    ],
    "objectives_intro": (
        "L'observation des pratiques de terrain fait ressortir quatre raisons principales de « faire alliance »."
    ),
    "objectives": [
        {
            "title": "Équilibrer performance et engagement",
            "text": (
                "Concilier les résultats de son organisation avec sa contribution "
                "au bien commun, dans une relation de réciprocité avec ses "
                "partenaires."
            ),
        },
        {
            "title": "Hybrider son modèle socio-économique",
            "text": (
                "Diversifier ses ressources et ses modes d'action en s'appuyant "
                "sur des partenaires de natures différentes."
            ),
        },
        {
            "title": "Piloter une démarche d'innovation sociétale",
            "text": (
                "Conduire, avec d'autres acteurs, des projets qui inventent des "
                "réponses nouvelles aux besoins de la société."
            ),
        },
        {
            "title": "Co-construire des solutions dans les territoires",
            "text": (
                "Réunir collectivités, entreprises, associations et acteurs "
                "académiques locaux pour bâtir ensemble des réponses mobilisant "
                "toutes les forces vives d'un territoire."
            ),
        },
    ],
    "quote": {
        "text": (
            "On ne décrète pas une alliance : elle se construit sur le terrain, "
            "dans la durée et dans la confiance. Notre rôle est d'observer ce "
            "mouvement, d'en tirer des enseignements et de les partager avec "
            "tous ceux qui veulent agir ensemble."
        ),
        "author": "Charles-Benoît Heidsieck",
        "role": "Président-fondateur du RAMEAU",
    },
    "seo_description": (
        "Laboratoire d'innovations partenariales créé en 2006, Le RAMEAU témoigne, "
        "innove et transmet pour accélérer les alliances d'intérêt général."
    ),
}


# ---------------------------------------------------------------------------
# Chiffres clés
# ---------------------------------------------------------------------------

_SRC_2021 = "Le RAMEAU, présentation « Qui sommes-nous » (2021)"
_SRC_2019 = "Le RAMEAU, note « Apprendre à faire alliance pour agir efficacement ! » (2019)"
_SRC_2017 = "Le RAMEAU, présentation du 10e anniversaire de l'Observatoire des partenariats (23 novembre 2017)"
_SRC_OBSERVATOIRE = "Observatoire des partenariats, cité dans Le RAMEAU, présentation « Qui sommes-nous » (2021)"
_SRC_PHARE = "Observatoire des partenariats, programme PHARE (Comisis – OpinionWay, études 2015-2017)"

KEY_FIGURES = [
    # --- Le RAMEAU en chiffres (2021) ---
    {
        "key": "recherche-empirique",
        "value": "15 ans",
        "label": "de recherche empirique",
        "year": 2021,
        "source": _SRC_2021,
        "source_url": "",
    },
    {
        "key": "etude-impact",
        "value": "5 ans",
        "label": "d'étude d'impact du « faire alliance » en France",
        "year": 2021,
        "source": _SRC_2021,
        "source_url": "",
    },
    {
        "key": "exemples-inspirants",
        "value": "1 000",
        "label": "exemples inspirants d'alliances d'intérêt général recensés",
        "year": 2021,
        "source": _SRC_2021,
        "source_url": "",
    },
    {
        "key": "recherches-actions",
        "value": "500",
        "label": "recherches-actions menées avec des acteurs publics et privés",
        "year": 2021,
        "source": _SRC_2021,
        "source_url": "",
    },
    {
        "key": "ecosystemes-territoriaux",
        "value": "350",
        "label": "écosystèmes territoriaux suivis dans leurs dynamiques collectives",
        "year": 2021,
        "source": _SRC_2021,
        "source_url": "",
    },
    {
        "key": "fonds-mobilises",
        "value": "100 M€",
        "label": "mobilisés pour plus de cinquante innovations partenariales",
        "year": 2021,
        "source": _SRC_2021,
        "source_url": "",
    },
    # --- Le RAMEAU en quelques mots (2019) ---
    {
        "key": "plateformes-capitalisation",
        "value": "12",
        "label": "plateformes de capitalisation et centres de ressources numériques",
        "year": 2019,
        "source": _SRC_2019,
        "source_url": "",
    },
    {
        "key": "organisations-beneficiaires",
        "value": "500",
        "label": "organisations bénéficiaires",
        "year": 2019,
        "source": _SRC_2019,
        "source_url": "",
    },
    # --- Le RAMEAU en chiffres (2017) ---
    {
        "key": "experimentations-terrain",
        "value": "850",
        "label": "expérimentations de terrain",
        "year": 2017,
        "source": _SRC_2017,
        "source_url": "",
    },
    {
        "key": "etudes-reference",
        "value": "50",
        "label": "études de référence",
        "year": 2017,
        "source": _SRC_2017,
        "source_url": "",
    },
    {
        "key": "groupes-prospective",
        "value": "30",
        "label": "groupes de réflexion prospective",
        "year": 2017,
        "source": _SRC_2017,
        "source_url": "",
    },
    # --- « Jouer collectif » (Observatoire des partenariats) ---
    {
        "key": "jouer-collectif-francais",
        "value": "81 %",
        "label": "des Français jugent nécessaire de « jouer collectif »",
        "year": 2021,
        "source": _SRC_OBSERVATOIRE,
        "source_url": "",
    },
    {
        "key": "jouer-collectif-maires",
        "value": "92 %",
        "label": "des maires jugent nécessaire de « jouer collectif »",
        "year": 2021,
        "source": _SRC_OBSERVATOIRE,
        "source_url": "",
    },
    {
        "key": "jouer-collectif-associations",
        "value": "97 %",
        "label": "des responsables associatifs jugent nécessaire de « jouer collectif »",
        "year": 2021,
        "source": _SRC_OBSERVATOIRE,
        "source_url": "",
    },
    {
        "key": "jouer-collectif-fondations",
        "value": "98 %",
        "label": "des fondations jugent nécessaire de « jouer collectif »",
        "year": 2021,
        "source": _SRC_OBSERVATOIRE,
        "source_url": "",
    },
    {
        "key": "jouer-collectif-entreprises",
        "value": "83 %",
        "label": "des dirigeants d'entreprise jugent nécessaire de « jouer collectif »",
        "year": 2021,
        "source": _SRC_OBSERVATOIRE,
        "source_url": "",
    },
    # --- Programme PHARE (2015-2017) ---
    {
        "key": "alliances-innovation-francais",
        "value": "69 %",
        "label": "des Français voient dans les alliances une source d'innovation",
        "year": 2017,
        "source": _SRC_PHARE,
        "source_url": "",
    },
    {
        "key": "alliances-innovation-maires",
        "value": "87 %",
        "label": "des maires voient dans les alliances une source d'innovation",
        "year": 2017,
        "source": _SRC_PHARE,
        "source_url": "",
    },
    {
        "key": "alliances-innovation-entreprises",
        "value": "81 %",
        "label": "des dirigeants d'entreprise voient dans les alliances une source d'innovation",
        "year": 2017,
        "source": _SRC_PHARE,
        "source_url": "",
    },
    {
        "key": "alliances-innovation-associations",
        "value": "86 %",
        "label": "des responsables associatifs voient dans les alliances une source d'innovation",
        "year": 2017,
        "source": _SRC_PHARE,
        "source_url": "",
    },
    {
        "key": "maires-territoire-engage",
        "value": "76 %",
        "label": "des maires estiment leur territoire engagé dans une dynamique de co-construction",
        "year": 2017,
        "source": _SRC_PHARE,
        "source_url": "",
    },
    {
        "key": "maires-methode",
        "value": "46 %",
        "label": "des maires disent ne pas encore savoir comment s'y prendre",
        "year": 2017,
        "source": _SRC_PHARE,
        "source_url": "",
    },
]

HOME_FIGURE_KEYS = [
    "recherche-empirique",
    "recherches-actions",
    "ecosystemes-territoriaux",
    "jouer-collectif-francais",
]

MISSION_FIGURE_KEYS = [
    "exemples-inspirants",
    "fonds-mobilises",
    "plateformes-capitalisation",
    "jouer-collectif-maires",
    "jouer-collectif-entreprises",
    "jouer-collectif-associations",
    "jouer-collectif-fondations",
    "alliances-innovation-francais",
]


# ---------------------------------------------------------------------------
# Partenaires
# ---------------------------------------------------------------------------

PARTNERS = [
    {
        "key": "caisse-des-depots",
        "name": "Caisse des Dépôts",
        "website": "https://www.caissedesdepots.fr/",
        "description": (
            "Partenaire du RAMEAU depuis 2008, la Caisse des Dépôts a cofondé "
            "l'Observatoire des partenariats et soutient plusieurs centres de "
            "ressources, dont celui consacré à l'investissement sociétal."
        ),
    },
    {
        "key": "orse",
        "name": "ORSE",
        "website": "https://www.orse.org/",
        "description": (
            "L'ORSE et Le RAMEAU ont réalisé ensemble le centre de ressources "
            "« RSE & Partenariats » destiné aux entreprises."
        ),
    },
    {
        "key": "cff",
        "name": "Centre français des fonds et fondations (CFF)",
        "website": "https://www.centre-francais-fondations.org/",
        "description": (
            "Avec le CFF, Le RAMEAU a publié en 2017 l'étude « Enjeux et pratiques "
            "des fondations en France » et conçu le centre de ressources "
            "« Fondations d'avenir »."
        ),
    },
    {
        "key": "adasi",
        "name": "ADASI",
        "website": "https://www.adasi.org/",
        "description": (
            "L'ADASI est partenaire du centre de ressources consacré aux modèles socio-économiques associatifs."
        ),
    },
    {
        "key": "consultin-france",
        "name": "Consult'In France",
        "website": "https://www.consultinfrance.fr/",
        "description": (
            "Consult'In France a coréalisé le centre de ressources sur "
            "l'accompagnement stratégique des structures d'intérêt général."
        ),
    },
    {
        "key": "cget",
        "name": "Commissariat général à l'égalité des territoires (CGET)",
        "website": "",
        "description": (
            "Partenaire à partir de 2016 pour diffuser les outils de "
            "co-construction territoriale, le CGET a contribué au référentiel et "
            "au centre de ressources dédiés ainsi qu'à la plateforme "
            "« L'innovation territoriale en actions ! »."
        ),
    },
    {
        "key": "groupe-la-poste",
        "name": "Groupe La Poste",
        "website": "https://www.groupelaposte.com/",
        "description": (
            "Le Groupe La Poste est l'un des partenaires de la plateforme "
            "« L'innovation territoriale en actions ! », lancée fin 2018."
        ),
    },
    {
        "key": "fondation-bettencourt-schueller",
        "name": "Fondation Bettencourt Schueller",
        "website": "https://www.fondationbs.org/",
        "description": (
            "En 2016, la Fondation Bettencourt Schueller a soutenu la mise à "
            "disposition en open source des outils de co-construction destinés "
            "aux territoires."
        ),
    },
    {
        "key": "ag2r-la-mondiale",
        "name": "AG2R LA MONDIALE",
        "website": "https://www.ag2rlamondiale.fr/",
        "description": (
            "AG2R LA MONDIALE et Le RAMEAU ont publié en octobre 2018 le guide "
            "« L'investissement sociétal en actions ! »."
        ),
    },
    {
        "key": "essec",
        "name": "ESSEC",
        "website": "https://www.essec.edu/",
        "description": ("L'ESSEC a développé avec Le RAMEAU le MOOC « Les alliances qui changent les territoires »."),
    },
    {
        "key": "institut-recherche-cdc",
        "name": "Institut pour la Recherche de la Caisse des Dépôts",
        "website": "",
        "description": (
            "Depuis 2017, l'Institut mène avec Le RAMEAU un programme de "
            "mobilisation des acteurs académiques, qui a donné lieu en 2022 au "
            "cahier de recherche « ODD 17 : les impacts du faire alliance en France »."
        ),
    },
    {
        "key": "le-mouvement-associatif",
        "name": "Le Mouvement associatif",
        "website": "https://lemouvementassociatif.org/",
        "description": (
            "Le Mouvement associatif a été associé dès 2008 à la création de "
            "l'Observatoire des partenariats, puis au réseau des pionniers des "
            "alliances en territoire."
        ),
    },
    {
        "key": "medef",
        "name": "MEDEF",
        "website": "https://www.medef.com/",
        "description": (
            "Le MEDEF a été partenaire de la création de l'Observatoire des "
            "partenariats en 2008, puis du réseau des pionniers des alliances en "
            "territoire."
        ),
    },
    {
        "key": "arf",
        "name": "Association des Régions de France (ARF)",
        "website": "",
        "description": (
            "Avec l'ARF, Le RAMEAU a étudié le rôle des régions dans la "
            "co-construction territoriale, notamment au sein du groupe de "
            "réflexion DATA."
        ),
    },
    {
        "key": "fondation-co-construction-bien-commun",
        "name": "Fondation pour la Co-construction du bien commun",
        "website": "",
        "description": (
            "La Fondation est partenaire du livre « L'Alchimie du bien commun », publié en 2018 aux Éditions Le RAMEAU."
        ),
    },
]

HOME_PARTNER_KEYS = [
    "caisse-des-depots",
    "orse",
    "cff",
    "adasi",
    "groupe-la-poste",
    "fondation-bettencourt-schueller",
]


# ---------------------------------------------------------------------------
# Grandes étapes (ordre chronologique ; month=None quand le mois est inconnu,
# placé avant les étapes datées de la même année)
# ---------------------------------------------------------------------------

MILESTONES = [
    {
        "year": 2006,
        "month": 3,
        "title": "Création du RAMEAU",
        "text": (
            "<p>Le RAMEAU naît sous forme d'association d'intérêt général. Son "
            "hypothèse de départ : face à des besoins sociaux croissants et à des "
            "ressources qui se raréfient, la co-construction du bien commun va "
            "s'imposer. Il choisit d'étudier d'abord la relation, alors peu "
            "structurée, entre associations et entreprises.</p>"
        ),
    },
    {
        "year": 2008,
        "month": None,
        "title": "Naissance de l'Observatoire des partenariats",
        "text": (
            "<p>Le RAMEAU fonde l'Observatoire des partenariats avec la Caisse "
            "des Dépôts. Sous la direction scientifique bénévole d'Anne Robin, "
            "un premier programme quinquennal est lancé : ARPEA (Analyse des "
            "Relations de Partenariat entre Entreprises et Associations). Sa "
            "première étude, conduite auprès de dirigeants de grandes "
            "entreprises, fait ressortir deux facteurs clés : l'innovation et "
            "les territoires.</p>"
        ),
    },
    {
        "year": 2008,
        "month": None,
        "title": "Alsace Active, premier terrain d'expérimentation",
        "text": (
            "<p>Alsace Active, qui finance et accompagne l'ESS, choisit de "
            "développer un troisième métier et devient le premier territoire "
            "d'expérimentation du mouvement aux côtés du RAMEAU.</p>"
        ),
    },
    {
        "year": 2009,
        "month": None,
        "title": "Première étude territoriale à Lille",
        "text": (
            "<p>Menée avec le Comité Bassin d'Emploi de Lille Métropole, cette "
            "première étude à l'échelle d'un territoire associe plus de quinze "
            "institutions locales.</p>"
        ),
    },
    {
        "year": 2010,
        "month": None,
        "title": "Publication de l'étude ARPEA – Collectivités territoriales",
        "text": (
            "<p>L'étude de l'Observatoire des partenariats révèle que communes, "
            "départements et régions commencent à chercher comment associer les "
            "acteurs de leur territoire à leurs politiques publiques. Au même "
            "moment, une dizaine de pionniers se lancent dans l'animation "
            "locale des relations entre associations et entreprises.</p>"
        ),
    },
    {
        "year": 2010,
        "month": None,
        "title": "Recherche-action PME – associations en Rhône-Alpes",
        "text": (
            "<p>Avec le CLER et la CRESS Rhône-Alpes, Le RAMEAU conduit une "
            "version régionale de la recherche-action « Partenariats PME – "
            "Associations en matière d'environnement », afin de comparer les "
            "pratiques d'un secteur à l'autre.</p>"
        ),
    },
    {
        "year": 2012,
        "month": None,
        "title": "Premiers résultats des expérimentations territoriales",
        "text": (
            "<p>De Charenton – Saint-Maurice à La Poste en Poitou-Charentes, en "
            "passant par les Ateliers de l'Entrepreneuriat Humaniste en "
            "Rhône-Alpes et le réseau des Jardins de Cocagne, la variété des "
            "formes de co-construction révèle le potentiel du mouvement.</p>"
        ),
    },
    {
        "year": 2012,
        "month": None,
        "title": "La Caravane des partenariats",
        "text": (
            "<p>Organisé par l'Avise, ce tour de France en six étapes favorise "
            "l'échange d'expériences et met en évidence des niveaux de maturité "
            "différents selon les territoires.</p>"
        ),
    },
    {
        "year": 2012,
        "month": None,
        "title": "Premier labo régional des partenariats en Alsace",
        "text": ("<p>Alsace Active se transforme et fonde le premier labo régional des partenariats.</p>"),
    },
    {
        "year": 2012,
        "month": None,
        "title": "Préparation du programme PHARE",
        "text": (
            "<p>Le RAMEAU étudie avec l'Association des Régions de France la "
            "place des régions dans la co-construction territoriale et prépare "
            "PHARE, deuxième programme quinquennal de l'Observatoire des "
            "partenariats, centré sur les alliances territoriales.</p>"
        ),
    },
    {
        "year": 2014,
        "month": None,
        "title": "Création du réseau des pionniers des alliances en territoire",
        "text": (
            "<p>Avec le labo régional des partenariats d'Alsace, Le RAMEAU "
            "propose aux 200 acteurs territoriaux identifiés de partager leurs "
            "pratiques au sein d'un réseau commun.</p>"
        ),
    },
    {
        "year": 2014,
        "month": None,
        "title": "Lancement du programme PHARE",
        "text": (
            "<p>Conforté par une étude exploratoire de Coordin'Actions en "
            "Île-de-France, l'Observatoire des partenariats lance PHARE : seize "
            "domaines et les treize nouvelles régions sont analysés à travers "
            "le regard des citoyens, des entreprises, des associations et des "
            "institutions.</p>"
        ),
    },
    {
        "year": 2014,
        "month": None,
        "title": "De « Partenaires d'avenir » à « Territoires d'avenir »",
        "text": (
            "<p>Le programme « Partenaires d'avenir », conduit avec une douzaine "
            "d'entreprises, souligne l'importance de relier le national et le "
            "local. Le RAMEAU prépare alors « Territoires d'avenir » avec une "
            "dizaine d'entreprises à maillage territorial.</p>"
        ),
    },
    {
        "year": 2014,
        "month": None,
        "title": "Lancement du Cercle « RSE et partenariats »",
        "text": (
            "<p>Dans le prolongement d'un programme consacré aux PME, ce cercle "
            "permet à des dirigeants engagés dans des partenariats locaux "
            "d'échanger entre pairs. Il est lancé lors d'une soirée à Reims.</p>"
        ),
    },
    {
        "year": 2014,
        "month": None,
        "title": "Travaux sur les territoires ruraux avec le CELAVAR",
        "text": (
            "<p>Le RAMEAU et le CELAVAR étudient les enjeux et les pratiques de "
            "co-construction propres aux territoires ruraux.</p>"
        ),
    },
    {
        "year": 2015,
        "month": 1,
        "title": "Première rencontre des pionniers des alliances en territoire",
        "text": (
            "<p>La rencontre est accueillie par la Fédération nationale des "
            "Caisses d'Épargne, partenaire de l'initiative avec la Caisse des "
            "Dépôts, l'ARF, le ministère chargé de la vie associative, le MEDEF "
            "et le Mouvement associatif.</p>"
        ),
    },
    {
        "year": 2016,
        "month": None,
        "title": "Des outils en open source pour les territoires",
        "text": (
            "<p>Avec la Fondation Bettencourt Schueller, la Caisse des Dépôts et "
            "le ministère chargé de la vie associative, Le RAMEAU met ses outils "
            "à disposition de tous pour informer, former et aider à agir. Le "
            "MOOC « Les alliances qui changent les territoires » est conçu avec "
            "l'ESSEC.</p>"
        ),
    },
    {
        "year": 2016,
        "month": None,
        "title": "Un voyage d'études en 30 étapes",
        "text": (
            "<p>Trente étapes, dont trois à l'étranger (Allemagne, Belgique, "
            "Canada), permettent de débattre des enseignements et de présenter "
            "les outils. Une étude de comparaison internationale situe la "
            "France dans ce mouvement.</p>"
        ),
    },
    {
        "year": 2016,
        "month": None,
        "title": "Partenariat avec le CGET",
        "text": (
            "<p>Le RAMEAU s'associe au Commissariat général à l'égalité des "
            "territoires pour choisir les meilleurs canaux de diffusion de ces "
            "outils.</p>"
        ),
    },
    {
        "year": 2017,
        "month": None,
        "title": "Plus de 70 étapes en territoires",
        "text": (
            "<p>Le voyage d'études se prolonge et dépasse soixante-dix étapes, "
            "qui permettent d'identifier les besoins d'outils des "
            "territoires.</p>"
        ),
    },
    {
        "year": 2017,
        "month": None,
        "title": "4e Rencontre des pionniers des alliances en territoire",
        "text": ("<p>Cette quatrième rencontre du réseau éclaire les besoins exprimés par les territoires.</p>"),
    },
    {
        "year": 2017,
        "month": None,
        "title": "Dix territoires pilotes pour la co-construction territoriale",
        "text": (
            "<p>Le parcours d'expérience « Co-construction territoriale » permet "
            "à dix territoires pilotes d'expérimenter une nouvelle méthode de "
            "co-développement.</p>"
        ),
    },
    {
        "year": 2017,
        "month": 11,
        "title": "Les dix ans de l'Observatoire des partenariats",
        "text": (
            "<p>Le 23 novembre 2017, une matinée organisée avec l'Institut CDC "
            "pour la recherche et le Groupe La Poste présente les impacts des "
            "alliances sur la confiance des personnes et des territoires.</p>"
        ),
    },
    {
        "year": 2018,
        "month": 12,
        "title": "Lancement de la plateforme « L'innovation territoriale en actions ! »",
        "text": (
            "<p>Mise en ligne le 24 décembre avec la Caisse des Dépôts, le CGET "
            "et le Groupe La Poste, la plateforme donne accès aux travaux d'une "
            "décennie et vise en particulier les territoires disposant de peu "
            "d'ingénierie.</p>"
        ),
    },
    {
        "year": 2019,
        "month": 1,
        "title": "Un cycle de webinaires mensuels",
        "text": (
            "<p>À partir du 17 janvier, un webinaire est proposé chaque "
            "troisième jeudi du mois, de 13 h à 14 h, pour débattre des "
            "résultats et partager les retours d'expérience des territoires "
            "pionniers.</p>"
        ),
    },
    {
        "year": 2019,
        "month": 10,
        "title": "Une mission ministérielle pour accélérer les alliances",
        "text": (
            "<p>Le RAMEAU co-pilote une mission ministérielle sur les alliances "
            "entre associations, entreprises et collectivités territoriales, "
            "qui mobilise plus d'une centaine de réseaux.</p>"
        ),
    },
    {
        "year": 2020,
        "month": None,
        "title": "Le Fonds ODD 17 finance la feuille de route",
        "text": (
            "<p>À partir de 2020, le Fonds ODD 17 permet d'investir dans la mise "
            "en œuvre de la feuille de route issue de la mission "
            "ministérielle, afin de doter le « faire alliance » d'une "
            "infrastructure solide, ancrée dans les territoires.</p>"
        ),
    },
    {
        "year": 2021,
        "month": 10,
        "title": "Lancement des « Jeudis de l'ODD 17 »",
        "text": (
            "<p>À partir d'octobre 2021, un rendez-vous mensuel, les « Jeudis de "
            "l'ODD 17 », rend compte de l'actualité du « faire alliance ».</p>"
        ),
    },
    {
        "year": 2022,
        "month": None,
        "title": "Première étude d'impact nationale du « faire alliance »",
        "text": (
            "<p>L'Observatoire des partenariats publie la première étude "
            "mesurant, à l'échelle d'un pays, les impacts du « faire "
            "alliance ».</p>"
        ),
    },
    {
        "year": 2022,
        "month": 3,
        "title": "Valoriser le « faire alliance » auprès des médias et des chercheurs",
        "text": (
            "<p>Le RAMEAU organise le 28 mars son premier dîner de presse, "
            "puis, le 30 mars, un séminaire de recherche consacré au passage de "
            "la connaissance empirique à une compétence partagée.</p>"
        ),
    },
]

HISTORY = {
    "title": "Notre histoire",
    "slug": "histoire",
    "intro": (
        "Depuis sa création en 2006, Le RAMEAU construit pas à pas, avec ses "
        "partenaires et les territoires pionniers, une connaissance du mouvement "
        "d'alliance en France. Voici les principales étapes de ce parcours."
    ),
    "seo_description": (
        "Les grandes étapes du RAMEAU depuis 2006 : Observatoire des partenariats, "
        "programme PHARE, réseau des pionniers, Fonds ODD 17 et études d'impact."
    ),
}


# ---------------------------------------------------------------------------
# Mentions légales
# ---------------------------------------------------------------------------

LEGAL_NOTICE = {
    "title": "Mentions légales",
    "slug": "mentions-legales",
    "intro": (
        "Cette page présente les informations relatives à l'éditeur du site, à "
        "son hébergement et aux conditions d'utilisation de ses contenus."
    ),
    "sections": [
        {
            "heading": "Éditeur du site",
            "html": (
                "<p>Le site est édité par <strong>Le RAMEAU</strong>, association "
                "d'intérêt général.</p>"
                "<p>1, allée Charles V, 94300 Vincennes</p>"
                "<p>Téléphone : 01 53 66 99 70</p>"
                '<p>Courriel : <a href="mailto:info@lerameau.fr">info@lerameau.fr</a></p>'
                "<p>Directeur de la publication : Charles-Benoît Heidsieck, "
                "président-fondateur.</p>"
            ),
        },
        {
            "heading": "Hébergement",
            "html": (
                "<p>Les coordonnées de l'hébergeur (raison sociale, adresse et "
                "téléphone) sont à compléter par l'équipe du RAMEAU.</p>"
            ),
        },
        {
            "heading": "Propriété intellectuelle",
            "html": (
                "<p>Les travaux publiés sur ce site sont mis à la disposition de "
                "tous en libre accès. Ils peuvent être reproduits et réutilisés, à "
                "condition de citer la source (« Le RAMEAU ») et, lorsque c'est "
                "possible, l'adresse de la page concernée.</p>"
                "<p>Les noms et logos des partenaires restent la propriété de "
                "leurs titulaires respectifs et ne peuvent être réutilisés sans "
                "leur accord.</p>"
            ),
        },
        {
            "heading": "Données personnelles",
            "html": (
                "<p>Ce site n'utilise aucun cookie de mesure d'audience ni de "
                "suivi publicitaire. Seuls des cookies techniques nécessaires à "
                "son fonctionnement peuvent être déposés.</p>"
                "<p>Les informations transmises par courriel ou par formulaire "
                "servent uniquement à répondre à votre demande. Conformément au "
                "Règlement général sur la protection des données (RGPD), vous "
                "pouvez accéder à vos données, les faire rectifier ou en demander "
                "la suppression en écrivant à "
                '<a href="mailto:info@lerameau.fr">info@lerameau.fr</a> ou à '
                "l'adresse postale de l'association.</p>"
            ),
        },
        {
            "heading": "Crédits",
            "html": (
                "<p>Contenus : Le RAMEAU.</p>"
                "<p>Site réalisé avec le logiciel libre "
                '<a href="https://wagtail.org/">Wagtail</a>.</p>'
            ),
        },
    ],
}


# ---------------------------------------------------------------------------
# Contact
# ---------------------------------------------------------------------------

CONTACT = {
    "title": "Contact",
    "slug": "contact",
    "intro": (
        "Une question sur nos travaux, un projet de partenariat ou une demande "
        "de la presse ? L'équipe du RAMEAU vous répond."
    ),
    "sections": [
        {
            "heading": "Joindre l'équipe",
            "html": (
                "<p>Par courriel : "
                '<a href="mailto:info@lerameau.fr">info@lerameau.fr</a></p>'
                "<p>Par téléphone : 01 53 66 99 70</p>"
                "<p>Pour faciliter le traitement de votre message, précisez "
                "l'objet de votre demande et l'organisation que vous "
                "représentez.</p>"
            ),
        },
        {
            "heading": "Vos demandes",
            "html": (
                "<ul>"
                "<li><strong>Recherche</strong> : questions sur nos études, nos "
                "publications, l'Observatoire des partenariats ou nos centres "
                "de ressources ;</li>"
                "<li><strong>Partenariats</strong> : projets de co-construction, "
                "recherches-actions, accompagnement d'organisations ou de "
                "territoires ;</li>"
                "<li><strong>Presse</strong> : demandes d'entretien, "
                "d'information ou de données sur le mouvement d'alliance en "
                "France.</li>"
                "</ul>"
            ),
        },
        {
            "heading": "Nous rendre visite",
            "html": (
                "<p>Nos bureaux se trouvent à Vincennes :</p>"
                "<p>Le RAMEAU, 1, allée Charles V, 94300 Vincennes</p>"
                "<p>Merci de prendre rendez-vous avant toute visite, par "
                "courriel ou par téléphone.</p>"
            ),
        },
    ],
}


# ---------------------------------------------------------------------------
# Réglages du site
# ---------------------------------------------------------------------------

SITE_SETTINGS = {
    "organisation_name": "Le RAMEAU",
    "tagline": "Laboratoire de recherche sur les alliances au service du bien commun",
    "address": "1, allée Charles V\n94300 Vincennes",
    "phone": "01 53 66 99 70",
    "email": "info@lerameau.fr",
    "website": "https://www.lerameau.fr/",
    "footer_text": (
        "Le RAMEAU est une association d'intérêt général qui étudie, depuis "
        "2006, les alliances entre organisations au service du bien commun."
    ),
}
