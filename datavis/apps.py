"""Charts and maps drawn on the server as inline SVG: the blocks editors place in a body,
the drawing, and the map of France they stand on."""

from django.apps import AppConfig


class DatavisConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "datavis"
    verbose_name = "Graphiques et cartes"
