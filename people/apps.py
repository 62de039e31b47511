"""The team: « L'équipe » and one page per person, linked from authors and speakers."""

from django.apps import AppConfig


class PeopleConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "people"
    verbose_name = "Équipe"
