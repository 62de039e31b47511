"""The newsletters: lists, subscribers, double opt-in, unsubscribe, the Brevo adapter."""

from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "newsletters"
    verbose_name = "Lettres d'information"
