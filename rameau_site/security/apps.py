from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """Holds the staff groups migration and the operations commands (not a content app)."""

    name = "rameau_site.security"
    label = "security"
    verbose_name = "Sécurité et exploitation"
    default_auto_field = "django.db.models.BigAutoField"
