"""The moved tables get this app's names, and the models' content types its label (same ids:
pages, revisions, workflows, logs and permissions follow). See core/moves.py."""
from django.db import migrations

from core.moves import relabel_content_types


class Migration(migrations.Migration):

    dependencies = [
        ('legal', '0001_initial'),
        ('pages', '0015_move_models_to_their_apps'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='AccessibilityPage',
            table=None,
        ),
        migrations.AlterModelTable(
            name='LegalNoticePage',
            table=None,
        ),
        migrations.AlterModelTable(
            name='PrivacyPage',
            table=None,
        ),
        migrations.RunPython(
            relabel_content_types('pages', 'legal', ('accessibilitypage', 'legalnoticepage', 'privacypage')),
            relabel_content_types('legal', 'pages', ('accessibilitypage', 'legalnoticepage', 'privacypage')),
        ),
    ]
