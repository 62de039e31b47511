"""The content version row the page cache keys on (issue #7)."""
import secrets

from django.db import migrations, models


def create_the_row(apps, schema_editor):
    ContentVersion = apps.get_model("pages", "ContentVersion")
    ContentVersion.objects.get_or_create(pk=1, defaults={"token": secrets.token_hex(8)})


class Migration(migrations.Migration):

    dependencies = [
        ("pages", "0004_french_search_config"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.CharField(max_length=32)),
                ("changed_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "version du contenu",
                "verbose_name_plural": "versions du contenu",
            },
        ),
        migrations.RunPython(create_the_row, migrations.RunPython.noop),
    ]
