"""The version row says what its last transaction changed, and its notification carries it;
ContentChange keeps the transactions before (caching/version.py).

Payload: « serial since token changes » (see caching/version.py). The function keeps
its name from pages' migration 0008, whose trigger stayed on the table when core took it.
"""

from django.db import migrations, models

NOTIFY = """
CREATE OR REPLACE FUNCTION pages_contentversion_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify(
        'rameau_content_version',
        NEW.serial || ' ' || NEW.since || ' ' || NEW.token || ' ' || NEW.changes
    );
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""
TOKEN_ONLY = """
CREATE OR REPLACE FUNCTION pages_contentversion_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('rameau_content_version', NEW.token);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(NOTIFY)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TOKEN_ONLY)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_rate_counters")]

    operations = [
        migrations.AddField("contentversion", "serial", models.BigIntegerField(default=0)),
        migrations.AddField("contentversion", "since", models.BigIntegerField(default=0)),
        migrations.AddField("contentversion", "changes", models.TextField(blank=True, default="")),
        migrations.AddField("contentversion", "xid", models.BigIntegerField(default=0)),
        migrations.CreateModel(
            name="ContentChange",
            fields=[
                ("since", models.BigIntegerField(primary_key=True, serialize=False)),
                ("serial", models.BigIntegerField()),
                ("token", models.CharField(max_length=32)),
                ("items", models.TextField()),
                ("at", models.DateTimeField()),
            ],
            options={"verbose_name": "changement du contenu", "verbose_name_plural": "changements du contenu"},
        ),
        migrations.RunPython(create, drop),
    ]
