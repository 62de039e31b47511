"""The moved tables get this app's names, and the models' content types its label (same ids:
pages, revisions, workflows, logs and permissions follow). See core/moves.py."""
from django.db import migrations

from core.moves import relabel_content_types


class Migration(migrations.Migration):

    dependencies = [
        ('pages', '0015_move_models_to_their_apps'),
        ('security', '0005_moderation_task_from_pages'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='ModerationTask',
            table=None,
        ),
        migrations.RunPython(
            relabel_content_types('pages', 'security', ('moderationtask',)),
            relabel_content_types('security', 'pages', ('moderationtask',)),
        ),
    ]
