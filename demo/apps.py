from django.apps import AppConfig


class DemoConfig(AppConfig):
    """No models: only commands and the data they load."""

    name = "demo"
    verbose_name = "Démonstration"
