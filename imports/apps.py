from django.apps import AppConfig


class ImportsConfig(AppConfig):
    """Reads a WordPress export (WXR) into pages, documents, images and redirects."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "imports"
    verbose_name = "Import du site WordPress"
