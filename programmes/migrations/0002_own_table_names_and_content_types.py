"""The moved tables get this app's names, and the models' content types its label (same ids:
pages, revisions, workflows, logs and permissions follow). See core/moves.py."""
from django.db import migrations

from core.moves import relabel_content_types


class Migration(migrations.Migration):

    dependencies = [
        ('pages', '0015_move_models_to_their_apps'),
        ('programmes', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='ProgrammeIndexPage',
            table=None,
        ),
        migrations.AlterModelTable(
            name='ProgrammePage',
            table=None,
        ),
        migrations.RunPython(
            relabel_content_types('pages', 'programmes', ('programmeindexpage', 'programmepage')),
            relabel_content_types('programmes', 'pages', ('programmeindexpage', 'programmepage')),
        ),
    ]
