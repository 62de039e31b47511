"""Every change of the content version notifies listeners, when its transaction commits
(PostgreSQL only): each process keeps the token in memory and learns a new one at once.

A trigger rather than a call in the code: whatever writes the row (this code, an older
release during a rolling deploy, a manual UPDATE) is heard.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION pages_contentversion_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('rameau_content_version', NEW.token);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS pages_contentversion_notify ON pages_contentversion;
CREATE TRIGGER pages_contentversion_notify AFTER INSERT OR UPDATE OF token ON pages_contentversion
    FOR EACH ROW EXECUTE FUNCTION pages_contentversion_notify();
"""
DROP = """
DROP TRIGGER IF EXISTS pages_contentversion_notify ON pages_contentversion;
DROP FUNCTION IF EXISTS pages_contentversion_notify();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("pages", "0007_search_vector_index")]

    operations = [migrations.RunPython(create, drop)]
