"""Editors browse the image and document libraries and correct titles and alternative text."""

from django.db import migrations


def grant(apps, schema_editor):
    from rameau_site.security.staff import ensure_permissions_exist, grant_collection_permissions

    ensure_permissions_exist(apps)
    grant_collection_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [("security", "0002_front_door_permissions")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
