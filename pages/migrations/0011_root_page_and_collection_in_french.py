"""The tree's root page and the root collection are called « Root » by Wagtail's own data
migration: the admin shows that name in the page explorer, the choosers and the collections."""

from django.db import migrations

FRENCH_NAME = "Racine"


def to_french(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page.objects.filter(depth=1, title="Root").update(title=FRENCH_NAME, draft_title=FRENCH_NAME)
    Collection.objects.filter(depth=1, name="Root").update(name=FRENCH_NAME)


def to_english(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page.objects.filter(depth=1, title=FRENCH_NAME).update(title="Root", draft_title="Root")
    Collection.objects.filter(depth=1, name=FRENCH_NAME).update(name="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0010_people_programmes_press_contact"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(to_french, to_english)]
