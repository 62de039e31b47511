"""The lexicon of the site search, with the trigram (pg_trgm) and prefix indexes its
corrections and suggestions use on PostgreSQL. It is filled after `migrate` (search/apps.py)."""

from django.db import migrations, models

INDEXES = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS search_word_plain_trgm ON search_searchword USING gin (plain gin_trgm_ops);
CREATE INDEX IF NOT EXISTS search_word_plain_prefix ON search_searchword (plain text_pattern_ops);
"""
DROP = """
DROP INDEX IF EXISTS search_word_plain_trgm;
DROP INDEX IF EXISTS search_word_plain_prefix;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INDEXES)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    initial = True

    dependencies = [("wagtailsearch", "0010_add_text_fields"), ("pages", "0004_french_search_config")]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("word", models.CharField(max_length=64, primary_key=True, serialize=False, verbose_name="mot")),
                ("plain", models.CharField(max_length=64, verbose_name="forme simple")),
                (
                    "documents",
                    models.PositiveIntegerField(default=1, verbose_name="pages qui le contiennent"),
                ),
            ],
            options={
                "verbose_name": "mot du lexique de recherche",
                "verbose_name_plural": "mots du lexique de recherche",
            },
        ),
        migrations.RunPython(create, drop),
    ]
