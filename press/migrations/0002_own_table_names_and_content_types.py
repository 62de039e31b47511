"""The moved tables get this app's names, and the models' content types its label (same ids:
pages, revisions, workflows, logs and permissions follow). See core/moves.py."""
from django.db import migrations

from core.moves import relabel_content_types


class Migration(migrations.Migration):

    dependencies = [
        ('press', '0001_initial'),
        ('publications', '0007_press_people_and_programmes_moved'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='PressIndexPage',
            table=None,
        ),
        migrations.AlterModelTable(
            name='PressMention',
            table=None,
        ),
        migrations.AlterModelTable(
            name='PressReleasePage',
            table=None,
        ),
        migrations.RunPython(
            relabel_content_types('publications', 'press', ('pressindexpage', 'pressmention', 'pressreleasepage')),
            relabel_content_types('press', 'publications', ('pressindexpage', 'pressmention', 'pressreleasepage')),
        ),
    ]
