"""Indexes for site search on PostgreSQL (pages/fulltext.py).

- A GIN index on the vector site search matches: Wagtail's database backend matches
  `title || body` of its index entries against the query; its own GIN indexes cover each
  column alone, so PostgreSQL read every entry.
- (content type, id): each kind of page keeps its most recent matches, found by walking this
  index backwards instead of every newer entry of other kinds.

Built concurrently: a release does not lock the index table while editors publish.
"""

from django.db import migrations

INDEXES = {
    "pages_search_vector_gin": "USING GIN ((title || body))",
    "pages_search_type_entry": "(content_type_id, id)",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(
                f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON wagtailsearch_indexentry {definition}"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("pages", "0006_home_section_block"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
