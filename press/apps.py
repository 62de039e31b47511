"""« Presse » at /presse/: press releases with their PDF and feed, press mentions (« Ils parlent
de nous »), the press kit and the press contact."""

from django.apps import AppConfig


class PressConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "press"
    verbose_name = "Presse"
