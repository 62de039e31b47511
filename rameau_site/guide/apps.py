from django.apps import AppConfig


class GuideConfig(AppConfig):
    """The staff guide inside the admin (menu « Guide de l'équipe »)."""

    name = "rameau_site.guide"
    label = "guide"
    verbose_name = "Guide de l'équipe"
