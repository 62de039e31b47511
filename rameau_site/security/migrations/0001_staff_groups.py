"""Creates the « Éditeurs » and « Modérateurs » groups and the moderation workflow."""
from django.db import migrations


def create_staff_groups(apps, schema_editor):
    from rameau_site.security.staff import ensure_permissions_exist, ensure_staff_groups

    ensure_permissions_exist(apps)
    ensure_staff_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        # What ensure_staff_groups names today (the « à vérifier » snippet came with pages 0012).
        ("pages", "0012_key_figure_qualifier_quote_source_content_checks"),
        ("publications", "0003_help_texts_on_links"),
    ]

    operations = [migrations.RunPython(create_staff_groups, migrations.RunPython.noop)]
