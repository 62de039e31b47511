"""What staff may have done on a running copy before the upgrade, made with the old code:
a page edited and published with its history, a draft, a contact message, a confirmed
subscriber, a person linked as an author, a page waiting in the moderation workflow, a press
release.

Run by `manage.py shell < staff_edits.py`; the password of the account it makes comes from
UPGRADE_PASSWORD. Prints nothing but errors."""

import os

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone


def model(name: str):
    """A model by class name, whichever app holds it (before or after a move)."""
    return next(candidate for candidate in apps.get_models() if candidate.__name__ == name)


User = get_user_model()
staff = User.objects.create_superuser("avant-la-migration", "staff@example.org", os.environ["UPGRADE_PASSWORD"])

PersonPage = model("PersonPage")
people = list(PersonPage.objects.live().order_by("path"))
person, submitted = people[0], people[1]

# Edited and published twice: a history of revisions, each logged as the admin logs it.
for role in ("Fonction revue une première fois", "Fonction revue avant la migration"):
    person.role = role
    person.save_revision(user=staff, log_action=True).publish(user=staff)

# A draft waiting on a live programme.
programme = model("ProgrammePage").objects.live().order_by("path").first()
programme.summary = "Résumé en brouillon, saisi avant la migration."
programme.save_revision(user=staff, log_action=True)

# A contact message and a confirmed subscriber.
contact = model("ContactPage").objects.live().first()
model("ContactSubmission").objects.create(
    page=contact,
    form_data={"nom": "Camille Visiteur", "courriel": "camille@example.org", "objet": "Presse", "message": "Bonjour."},
    email="camille@example.org",
    subject="Presse",
)
newsletter = model("NewsletterList").objects.order_by("sort_order").first()
subscriber = model("Subscriber").objects.create(email="abonnee@example.org")
model("Subscription").objects.create(
    subscriber=subscriber,
    newsletter=newsletter,
    status="confirmed",
    consent_text="J'accepte de recevoir cette lettre.",
    confirmed_at=timezone.now(),
)

# A person chosen as a publication's author.
author = model("PublicationAuthor").objects.filter(person__isnull=True).order_by("pk").first()
author.person = person
author.save()

# A change submitted to moderation, waiting for a moderator.
submitted.role = "Fonction soumise à la relecture"
submitted.save_revision(user=staff, log_action=True)
submitted.get_workflow().start(submitted, staff)

# A press release published under the press page (the demo has none).
press = model("PressIndexPage").objects.live().first()
release = press.add_child(
    instance=model("PressReleasePage")(
        title="Communiqué d'avant la migration",
        slug="communique-davant-la-migration",
        date=timezone.localdate(),
        summary="Un communiqué publié par l'équipe avant la mise à niveau.",
    )
)
release.save_revision(user=staff, log_action=True).publish(user=staff)
