"""Moderators' rights on the newsletters and on personal data, once those models exist."""
from django.db import migrations


def grant(apps, schema_editor):
    from rameau_site.security.staff import ensure_permissions_exist, grant_front_door_permissions

    ensure_permissions_exist(apps)
    grant_front_door_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("security", "0001_staff_groups"),
        ("pages", "0009_front_door_contact_newsletters_legal"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
