from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """The staff groups, their moderation workflow and its task, two-factor login, and the
    operations commands (not a content app)."""

    name = "rameau_site.security"
    label = "security"
    verbose_name = "Sécurité et exploitation"
    default_auto_field = "django.db.models.BigAutoField"
