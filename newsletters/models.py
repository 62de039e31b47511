"""The newsletters: the lists staff edit, the people who asked for them and the proof of their
consent, and the queue of changes for the e-mail provider (Brevo) when one is configured.

Nothing counts as a subscription until the visitor confirms it from the e-mail sent to the
address given (double opt-in); the sign-up, confirmation and unsubscribe views live in
newsletters/.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.search_weights import BODY, SUMMARY
from pages.blocks import TEXT_FEATURES
from pages.models import BasePage


class NewsletterList(models.Model):
    name = models.CharField("nom", max_length=120, unique=True)
    description = models.TextField(
        "description",
        blank=True,
        max_length=400,
        help_text="Ce que la lettre apporte et à quel rythme, en une ou deux phrases (affiché sous son nom).",
    )
    active = models.BooleanField(
        "proposée à l'inscription",
        default=True,
        help_text="Décochez pour ne plus la proposer ; ses abonnés restent, jusqu'à leur désinscription.",
    )
    sort_order = models.PositiveSmallIntegerField("ordre", default=0, help_text="Les petits nombres d'abord.")
    brevo_list_id = models.PositiveIntegerField(
        "numéro de liste Brevo",
        null=True,
        blank=True,
        help_text=(
            "Seulement si le site est relié à Brevo (réglage BREVO_API_KEY) : le numéro de la liste "
            "Brevo où ajouter les abonnés confirmés. Vide : rien n'est envoyé à Brevo pour cette lettre."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("active"),
        FieldPanel("sort_order"),
        FieldPanel("brevo_list_id"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "lettre d'information"
        verbose_name_plural = "lettres d'information"

    def __str__(self) -> str:
        return self.name


class Subscriber(models.Model):
    """One address, whatever the lists: what « tout arrêter » and an erasure act on."""

    email = models.EmailField("courriel", unique=True)
    created_at = models.DateTimeField("première demande le", default=timezone.now)

    class Meta:
        verbose_name = "abonné"
        verbose_name_plural = "abonnés"
        permissions = [("manage_personal_data", "Peut retrouver, exporter et effacer les données d'une personne")]

    def __str__(self) -> str:
        return self.email


class Subscription(models.Model):
    """An address and a list, with the consent given: the text shown, the request, the confirmation."""

    class Status(models.TextChoices):
        PENDING = "pending", "en attente de confirmation"
        CONFIRMED = "confirmed", "confirmée"
        UNSUBSCRIBED = "unsubscribed", "désinscrite"

    subscriber = models.ForeignKey(
        Subscriber, verbose_name="abonné", on_delete=models.CASCADE, related_name="subscriptions"
    )
    newsletter = models.ForeignKey(
        NewsletterList, verbose_name="lettre", on_delete=models.PROTECT, related_name="subscriptions"
    )
    status = models.CharField("état", max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    requested_at = models.DateTimeField("demandée le", default=timezone.now)
    consent_text = models.TextField("texte accepté", blank=True)
    confirmed_at = models.DateTimeField("consentement confirmé le", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("désinscription le", null=True, blank=True)

    class Meta:
        ordering = ["newsletter__sort_order", "subscriber__email"]
        verbose_name = "inscription"
        verbose_name_plural = "inscriptions"
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "newsletter"], name="one_subscription_per_list"),
        ]

    def __str__(self) -> str:
        return f"{self.subscriber} · {self.newsletter}"


class SignUpRequest(models.Model):
    """A sign-up as the visitor sent it. The view only stores this (the same single write
    whether the address is known or not, so the answer's timing says nothing about it); the
    subscription records and the confirmation e-mail follow right after the answer
    (newsletters/after_response.py), or from `sync_newsletters` if the process stopped first."""

    email = models.EmailField("courriel")
    list_ids = models.JSONField("lettres demandées", default=list)
    received_at = models.DateTimeField("reçue le", default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = "inscription reçue, à traiter"
        verbose_name_plural = "inscriptions reçues, à traiter"

    def __str__(self) -> str:
        return f"{self.email} · {self.received_at:%Y-%m-%d %H:%M}"


class NewsletterSyncTask(models.Model):
    """A change still to be made at the e-mail provider. Written in the same transaction as the
    change itself and deleted once the provider has taken it: nothing is lost while it is down."""

    class Action(models.TextChoices):
        ADD = "add", "ajout aux listes"
        REMOVE = "remove", "retrait des listes"
        DELETE = "delete", "effacement du contact"

    action = models.CharField("action", max_length=8, choices=Action.choices)
    email = models.EmailField("courriel", db_index=True)
    list_ids = models.JSONField("listes Brevo", default=list, blank=True)
    created_at = models.DateTimeField("créée le", default=timezone.now)
    attempts = models.PositiveSmallIntegerField("tentatives", default=0)
    last_error = models.TextField("dernière erreur", blank=True)
    failed_at = models.DateTimeField("refusée le", null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "envoi à Brevo en attente"
        verbose_name_plural = "envois à Brevo en attente"

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.email}"


class NewsletterPage(BasePage):
    """/newsletters/: the four lists and the sign-up form."""

    intro = models.TextField(
        "chapô", blank=True, max_length=600, help_text="Une ou deux phrases au-dessus de la liste des lettres."
    )
    body = RichTextField(
        "texte après le formulaire",
        blank=True,
        features=TEXT_FEATURES,
        help_text="Facultatif : ce qu'on reçoit, à quelle fréquence, comment se désinscrire…",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro", boost=SUMMARY),
        index.SearchField("body", boost=BODY),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = "page des lettres d'information"
        verbose_name_plural = "pages des lettres d'information"
