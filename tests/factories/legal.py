"""The legal notice, privacy and accessibility pages."""

from __future__ import annotations

import factory

from legal.models import AccessibilityPage, LegalNoticePage, PrivacyPage
from pages.models import HomePage

from .base import PageFactory


class LegalNoticePageFactory(PageFactory):
    title = "Mentions légales"
    slug = "mentions-legales"
    parent = factory.LazyFunction(lambda: HomePage.objects.get())
    intro = "Qui publie le site et qui l'héberge."

    class Meta:
        model = LegalNoticePage


class PrivacyPageFactory(PageFactory):
    title = "Données personnelles"
    slug = "confidentialite"
    parent = factory.LazyFunction(lambda: HomePage.objects.get())
    intro = "Ce que le site garde de vous."

    class Meta:
        model = PrivacyPage


class AccessibilityPageFactory(PageFactory):
    title = "Déclaration d'accessibilité"
    slug = "accessibilite"
    parent = factory.LazyFunction(lambda: HomePage.objects.get())
    intro = "Où en est l'accessibilité du site."
    conformity_status = AccessibilityPage.Status.PARTIAL

    class Meta:
        model = AccessibilityPage
