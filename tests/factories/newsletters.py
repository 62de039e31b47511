"""The newsletters page, lists, subscribers and their subscriptions."""

from __future__ import annotations

import factory

from newsletters.models import NewsletterList, NewsletterPage, Subscriber, Subscription
from pages.models import HomePage

from .base import PageFactory


class NewsletterPageFactory(PageFactory):
    title = "Lettres d'information"
    slug = "newsletters"
    parent = factory.LazyFunction(lambda: HomePage.objects.get())
    intro = "Les lettres du laboratoire."

    class Meta:
        model = NewsletterPage


class NewsletterListFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Lettre d'essai {n}")
    description = "Une lettre créée pour les tests."
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = NewsletterList


class SubscriberFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"abonne{n}@example.org")

    class Meta:
        model = Subscriber


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """A subscription as the views leave it; `status=` and the dates as the test needs them."""

    subscriber = factory.SubFactory(SubscriberFactory)
    newsletter = factory.SubFactory(NewsletterListFactory)
    consent_text = "Texte de consentement d'essai."

    class Meta:
        model = Subscription
