"""Legal notice, privacy page, accessibility statement, personal-data tools and purge, the video consent facade, audience measurement."""

from django.apps import AppConfig


class LegalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "legal"
    verbose_name = "Informations légales et données personnelles"
