"""Site search at /recherche/: every live public page, narrowed by kind, ranked and paginated."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Recherche du site"
