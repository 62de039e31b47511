"""Site search at /recherche/: every live public page, narrowed by kind, ranked and paginated."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Recherche du site"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate
        from wagtail.signals import page_published

        page_published.connect(_words_of_published_page, dispatch_uid="rameau-search-lexicon-page")
        post_migrate.connect(_fill_empty_lexicon, sender=self, dispatch_uid="rameau-search-lexicon-migrate")


def _words_of_published_page(sender, instance, **kwargs) -> None:
    """A page going live brings its words to the lexicon (unless it is in a private section)."""
    from caching.restrictions import is_public

    from . import lexicon

    if instance.live and is_public(instance):
        lexicon.add_page(instance)


def _fill_empty_lexicon(sender, using: str = "default", **kwargs) -> None:
    """After `migrate`: a lexicon never filled (a new database, or one from before it) is."""
    from .lexicon import refresh
    from .models import SearchWord

    if not SearchWord.objects.using(using).exists():
        refresh()
