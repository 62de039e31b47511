"""The page cache: connects what changes the content version and purges the proxy."""

from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = "Cache des pages"

    def ready(self) -> None:
        from caching import frontend, invalidation, scopes

        invalidation.connect()
        frontend.connect()
        scopes.register_pages()
