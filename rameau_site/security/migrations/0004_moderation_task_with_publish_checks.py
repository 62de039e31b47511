"""The moderation workflow's task becomes pages.ModerationTask: approving asks the sections'
publish checks first (a session of a draft cycle is not approved)."""

from django.db import migrations


def use_moderation_task(apps, schema_editor):
    from rameau_site.security.staff import MODERATORS, ensure_workflow

    root_page = apps.get_model("wagtailcore", "Page").objects.filter(depth=1).first()
    moderators = apps.get_model("auth", "Group").objects.filter(name=MODERATORS).first()
    if root_page is not None and moderators is not None:
        ensure_workflow(apps, root_page, moderators)


class Migration(migrations.Migration):
    dependencies = [
        ("security", "0003_editors_browse_media_libraries"),
        ("pages", "0014_moderation_task_with_publish_checks"),
    ]

    operations = [migrations.RunPython(use_moderation_task, migrations.RunPython.noop)]
