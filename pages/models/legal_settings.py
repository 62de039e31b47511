"""What the law asks the site to say about itself, kept in Paramètres du site: the publisher
and host of the legal notice, where personal-data requests go, how long form data is kept.

A mixin of SiteSettings, so staff find it on the same screen as the contact details, which
the legal notice, the contact page and the privacy page all show from there (typed once).
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from pages.legal_panels import LegalWarningPanel

# (field, what the warning calls it): the legal notice must show each of these.
REQUIRED_LEGAL_FIELDS = (
    ("organisation_name", "nom de l'organisation"),
    ("address", "adresse postale"),
    ("phone", "téléphone"),
    ("email", "courriel"),
    ("publication_director", "directeur ou directrice de la publication"),
    ("host_name", "hébergeur"),
    ("host_address", "adresse de l'hébergeur"),
    ("host_phone", "téléphone de l'hébergeur"),
)


class LegalSettingsMixin(models.Model):
    legal_status = models.CharField(
        "statut juridique",
        max_length=200,
        blank=True,
        help_text="Par exemple « Association d'intérêt général ». Affiché dans les mentions légales.",
    )
    registration_number = models.CharField(
        "numéro d'identification",
        max_length=80,
        blank=True,
        help_text="Numéro RNA, SIREN ou SIRET, s'il y a lieu. Laissé vide, il n'est pas affiché.",
    )
    publication_director = models.CharField(
        "directeur ou directrice de la publication",
        max_length=160,
        blank=True,
        help_text="Nom et fonction de la personne responsable de ce qui est publié (exigé par la loi).",
    )
    host_name = models.CharField(
        "hébergeur",
        max_length=200,
        blank=True,
        help_text="Raison sociale de l'entreprise qui héberge le site (exigée par la loi).",
    )
    host_address = models.TextField("adresse de l'hébergeur", blank=True, help_text="Une ligne par ligne d'adresse.")
    host_phone = models.CharField(
        "téléphone de l'hébergeur", max_length=40, blank=True, help_text="Exigé par la loi, comme son adresse."
    )
    form_recipient = models.EmailField(
        "adresse qui reçoit les messages",
        blank=True,
        help_text="Chaque message du formulaire de contact y est signalé. Laissez vide pour utiliser le courriel ci-dessus.",
    )
    privacy_email = models.EmailField(
        "adresse pour les données personnelles",
        blank=True,
        help_text=(
            "Où écrire pour consulter, corriger ou effacer ses données ; affichée sur la page "
            "Confidentialité. Laissez vide pour utiliser le courriel ci-dessus."
        ),
    )
    contact_retention_months = models.PositiveSmallIntegerField(
        "conservation des messages (mois)",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=(
            "Les messages reçus par le formulaire de contact sont effacés après ce nombre de mois "
            "(chaque nuit) ; la page Confidentialité l'annonce."
        ),
    )
    unsubscribed_retention_months = models.PositiveSmallIntegerField(
        "preuve des désinscriptions (mois)",
        default=36,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=(
            "Après une désinscription, l'adresse et la date sont gardées ce nombre de mois comme "
            "preuve qu'on ne doit plus écrire, puis effacées."
        ),
    )

    legal_panels = [
        MultiFieldPanel(
            [
                LegalWarningPanel(),
                FieldPanel("legal_status"),
                FieldPanel("registration_number"),
                FieldPanel("publication_director"),
                FieldPanel("host_name"),
                FieldPanel("host_address"),
                FieldPanel("host_phone"),
            ],
            heading="Mentions légales",
        ),
        MultiFieldPanel(
            [
                FieldPanel("form_recipient"),
                FieldPanel("privacy_email"),
                FieldPanel("contact_retention_months"),
                FieldPanel("unsubscribed_retention_months"),
            ],
            heading="Formulaires et données personnelles",
        ),
    ]

    class Meta:
        abstract = True

    def missing_legal_fields(self) -> list[str]:
        """What the legal notice lacks, in words staff know from this screen."""
        return [label for field, label in REQUIRED_LEGAL_FIELDS if not str(getattr(self, field, "") or "").strip()]

    @property
    def host_address_lines(self) -> list[str]:
        return [line.strip() for line in self.host_address.splitlines() if line.strip()]

    @property
    def contact_inbox(self) -> str:
        return self.form_recipient or self.email

    @property
    def privacy_contact(self) -> str:
        return self.privacy_email or self.email
