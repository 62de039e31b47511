"""The institution's own pages: home, mission, history, standard pages, the HTML site map,
shared blocks, navigation, site settings, key figures and partners."""

from django.apps import AppConfig


class PagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pages"
    verbose_name = "Pages du site"

    def ready(self) -> None:
        from pages import stand_ins

        stand_ins.connect()
