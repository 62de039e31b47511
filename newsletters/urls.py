"""/newsletters/… addresses that must never move: links in e-mails point to them.
The page /newsletters/ itself is a Wagtail page (NewsletterPage) that staff edit."""

from django.urls import path

from . import views

app_name = "newsletters"

urlpatterns = [
    path("inscription/", views.subscribe, name="subscribe"),
    path("inscription/envoyee/", views.sent, name="sent"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("desinscrire/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
