"""The contact page."""

from __future__ import annotations

import factory

from contact.models import ContactPage
from pages.models import HomePage

from .base import PageFactory


class ContactPageFactory(PageFactory):
    """/contact/ with the default fields a new contact page gets (name, e-mail, organisation,
    subject, message), unless `form_fields=[...]` says otherwise."""

    title = "Contact"
    slug = "contact"
    parent = factory.LazyFunction(lambda: HomePage.objects.get())
    intro = "Écrivez au laboratoire."

    class Meta:
        model = ContactPage
