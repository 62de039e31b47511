"""The licences a publication may carry: a short name readers know, and the deed's address
that machines read (JSON-LD `license`, Dublin Core `DC.rights`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Licence:
    name: str
    url: str


LICENCES = {
    "cc-by-4.0": Licence("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.fr"),
    "cc-by-sa-4.0": Licence("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/deed.fr"),
    "cc-by-nc-4.0": Licence("CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/deed.fr"),
    "cc-by-nc-sa-4.0": Licence("CC BY-NC-SA 4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.fr"),
    "cc-by-nd-4.0": Licence("CC BY-ND 4.0", "https://creativecommons.org/licenses/by-nd/4.0/deed.fr"),
    "cc-by-nc-nd-4.0": Licence("CC BY-NC-ND 4.0", "https://creativecommons.org/licenses/by-nc-nd/4.0/deed.fr"),
    "cc0-1.0": Licence("CC0 1.0 (domaine public)", "https://creativecommons.org/publicdomain/zero/1.0/deed.fr"),
    "etalab-2.0": Licence("Licence Ouverte 2.0 (Etalab)", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"),
    "all-rights-reserved": Licence("Tous droits réservés", ""),
}
LICENCE_CHOICES = [(key, licence.name) for key, licence in LICENCES.items()]
