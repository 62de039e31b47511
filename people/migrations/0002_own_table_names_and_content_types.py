"""The moved tables get this app's names, and the models' content types its label (same ids:
pages, revisions, workflows, logs and permissions follow). See core/moves.py."""
from django.db import migrations

from core.moves import relabel_content_types


class Migration(migrations.Migration):

    dependencies = [
        ('pages', '0015_move_models_to_their_apps'),
        ('people', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='PersonPage',
            table=None,
        ),
        migrations.AlterModelTable(
            name='TeamPage',
            table=None,
        ),
        migrations.RunPython(
            relabel_content_types('pages', 'people', ('personpage', 'teampage')),
            relabel_content_types('people', 'pages', ('personpage', 'teampage')),
        ),
    ]
