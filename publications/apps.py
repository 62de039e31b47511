"""The publications app: the library, its publications, the news and their feeds."""

from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "publications"
    verbose_name = "Publications"

    def ready(self) -> None:
        from django.db.models.signals import post_save
        from wagtail.documents import get_document_model

        from caching.scopes import PUBLICATIONS, register
        from publications.document_text import on_document_saved

        register(PUBLICATIONS, "publications.PublicationPage", "publications.NewsArticlePage")  # caching/scopes.py

        post_save.connect(on_document_saved, sender=get_document_model(), dispatch_uid="publications-document-text")
