"""Users: visitors' accounts, staff in the real groups the security migration creates, superusers."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from rameau_site.security.staff import EDITORS, MODERATORS

PASSWORD = "motdepasse-solide-2026"


def member_of(*names: str) -> factory.PostGeneration:
    """Adds the user to these groups (by name), or to those given as `groups=[...]`."""

    def join(user, create, extracted, **kwargs):
        if create:
            user.groups.add(*Group.objects.filter(name__in=extracted or names))

    return factory.PostGeneration(join)


class UserFactory(factory.django.DjangoModelFactory):
    """An account without admin access; it logs in with `PASSWORD`."""

    username = factory.Sequence(lambda n: f"personne{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


class EditorFactory(UserFactory):
    """Staff in « Éditeurs »: writes in the editorial sections, submits to moderation."""

    username = factory.Sequence(lambda n: f"editrice{n}")
    is_staff = True
    groups = member_of(EDITORS)


class ModeratorFactory(UserFactory):
    """Staff in « Modérateurs »: approves, publishes, edits snippets and settings."""

    username = factory.Sequence(lambda n: f"moderatrice{n}")
    is_staff = True
    groups = member_of(MODERATORS)


class SuperuserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"administratrice{n}")
    is_staff = True
    is_superuser = True
