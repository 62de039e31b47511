"""The contact page (/contact/): a form whose fields staff edit. Each message is stored first,
then counted for the rate limit, then signalled by e-mail to the address of Paramètres du
site, then acknowledged; a mail server or a counter that fails loses nothing (the message
stays, unsignalled, and the failure is logged). A message that looks like a robot's (sent too
fast, hidden field filled…) is kept too, marked for staff to review, and not signalled."""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField, AbstractFormSubmission, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from core.absolute_urls import admin_root_url
from core.antispam import REASONS, count_submission, log_spam, rate_limited, spam_reason, too_many_requests
from core.form_input import ContactFormBuilder
from core.inline_panels import RowsPanel
from pages.blocks import INLINE_FEATURES
from pages.models import BasePage
from pages.models.settings import site_settings

logger = logging.getLogger("contact")

SUBJECTS = ("Partenariat", "Presse", "Recherche", "Webinaires", "Autre")
# The fields a new contact page starts with; staff may then change them.
DEFAULT_FIELDS = (
    {"label": "Nom", "field_type": "singleline", "required": True},
    {
        "label": "Courriel",
        "field_type": "email",
        "required": True,
        "help_text": "Pour vous répondre, et à rien d'autre.",
    },
    {"label": "Organisation", "field_type": "singleline", "required": False},
    {"label": "Objet", "field_type": "dropdown", "required": True, "choices": "\n".join(SUBJECTS)},
    {"label": "Message", "field_type": "multiline", "required": True},
)
SUBJECT_TYPES = ("dropdown", "radio")


class ContactFormField(AbstractFormField):
    page = ParentalKey("contact.ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        verbose_name = "champ du formulaire"
        verbose_name_plural = "champs du formulaire"

    def __str__(self) -> str:
        return self.label


class ContactSubmission(AbstractFormSubmission):
    """A message, with the two values staff filter and search by kept in their own columns."""

    email = models.EmailField("courriel", blank=True, db_index=True)
    subject = models.CharField("objet", max_length=200, blank=True, db_index=True)
    notified_at = models.DateTimeField("signalé par courriel le", null=True, blank=True)
    spam_reason = models.CharField(
        "indésirable probable",
        max_length=16,
        blank=True,
        choices=list(REASONS.items()),
        help_text="Pourquoi le message ressemble à un envoi automatique ; vide pour un message ordinaire.",
    )

    class Meta:
        verbose_name = "message reçu"
        verbose_name_plural = "messages reçus"
        indexes = [models.Index(fields=["submit_time"], name="contact_submit_time")]

    def get_data(self) -> dict:
        return {
            **super().get_data(),
            "notified_at": self.notified_at
            or ("non (indésirable probable)" if self.spam_reason else "non (voir le journal du serveur)"),
            "spam_reason": self.get_spam_reason_display(),
        }


class ContactPage(FormMixin, BasePage):
    intro = models.TextField(
        "chapô", blank=True, max_length=600, help_text="Une ou deux phrases au-dessus du formulaire."
    )
    thank_you_text = RichTextField(
        "message de remerciement",
        blank=True,
        features=INLINE_FEATURES,
        help_text="Affiché une fois le message envoyé. Laissé vide : « Merci, votre message est bien arrivé. »",
    )

    form_builder = ContactFormBuilder
    landing_page_template = "contact/contact_page_landing.html"

    content_panels = [
        *BasePage.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        MultiFieldPanel(
            [RowsPanel("form_fields", label="Champ")],
            heading="Champs du formulaire",
            help_text=(
                "L'adresse, le téléphone et le courriel affichés à côté du formulaire viennent de "
                "Paramètres › Paramètres du site, comme l'adresse qui reçoit les messages."
            ),
        ),
        FieldPanel("thank_you_text"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = "page de contact"
        verbose_name_plural = "pages de contact"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not args and self.pk is None and "form_fields" not in kwargs:  # a new page, not one loaded
            self.form_fields = [ContactFormField(sort_order=n, **field) for n, field in enumerate(DEFAULT_FIELDS)]

    def get_submission_class(self):
        return ContactSubmission

    def get_submissions_list_view_class(self):
        from contact.submissions import ContactSubmissionsListView

        return ContactSubmissionsListView

    def get_data_fields(self):
        return [
            *super().get_data_fields(),
            ("notified_at", "Signalé par courriel"),
            ("spam_reason", "Indésirable probable"),
        ]

    def _field_value(self, data: dict, types: tuple[str, ...]) -> str:
        for field in self.get_form_fields():
            if field.field_type in types and data.get(field.clean_name):
                return str(data[field.clean_name])
        return ""

    def process_form_submission(self, form, spam: str = ""):
        data = form.visitor_data()
        return ContactSubmission.objects.create(
            page=self,
            form_data=data,
            email=self._field_value(data, ("email",)),
            subject=self._field_value(data, SUBJECT_TYPES)[:200],
            spam_reason=spam or "",
        )

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        if rate_limited(request, "contact"):
            return too_many_requests(request)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if not form.is_valid():  # a person's mistake, or a robot's: nothing is kept either way
            context = self.get_context(request)
            context["form"] = form
            return TemplateResponse(request, self.get_template(request), context)
        reason = spam_reason(request.POST)
        submission = self.process_form_submission(form, spam=reason or "")
        count_submission(request, "contact")
        if reason:
            log_spam("contact", reason)
        else:
            self.notify(request, submission, form)
        return self.render_landing_page(request, submission)

    def notify(self, request: HttpRequest, submission: ContactSubmission, form) -> None:
        """E-mail the team; a failure is logged and the message stays, marked unsignalled."""
        inbox = getattr(site_settings(request), "contact_inbox", "")
        if not inbox:
            logger.warning("Contact message %s stored; no address to signal it to (Paramètres du site)", submission.pk)
            return
        rows = [(bound.label, submission.form_data.get(bound.name, "")) for bound in form.visitor_fields()]
        body = render_to_string(
            "contact/email/contact_notification.txt",
            {
                "rows": [(label, ", ".join(value) if isinstance(value, list) else value) for label, value in rows],
                "submission": submission,
                "admin_url": admin_root_url() + reverse("wagtailforms:list_submissions", args=[self.pk]),
            },
        )
        subject = f"Message du site : {submission.subject or 'sans objet'} ({submission.email or 'sans courriel'})"
        message = EmailMessage(subject, body, to=[inbox], reply_to=[submission.email] if submission.email else None)
        try:
            message.send()
        except Exception:
            logger.exception("Contact message %s stored, but its e-mail notification failed", submission.pk)
            return
        ContactSubmission.objects.filter(pk=submission.pk).update(notified_at=timezone.now())
