"""The newsletters: lists, subscribers, double opt-in, unsubscribe, the Brevo adapter."""

from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "newsletters"
    verbose_name = "Lettres d'information"

    def ready(self) -> None:
        from django.core.signals import request_finished

        from .after_response import after_response

        request_finished.connect(after_response, dispatch_uid="rameau-newsletters-after-response")
