"""The moved tables get this app's names, and the models' content types its label (same ids:
pages, revisions, workflows, logs and permissions follow). See core/moves.py."""
from django.db import migrations

from core.moves import relabel_content_types


class Migration(migrations.Migration):

    dependencies = [
        ('newsletters', '0001_initial'),
        ('pages', '0015_move_models_to_their_apps'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='NewsletterList',
            table=None,
        ),
        migrations.AlterModelTable(
            name='NewsletterSyncTask',
            table=None,
        ),
        migrations.AlterModelTable(
            name='Subscriber',
            table=None,
        ),
        migrations.AlterModelTable(
            name='NewsletterPage',
            table=None,
        ),
        migrations.AlterModelTable(
            name='Subscription',
            table=None,
        ),
        migrations.RunPython(
            relabel_content_types('pages', 'newsletters', ('newsletterlist', 'newslettersynctask', 'subscriber', 'newsletterpage', 'subscription')),
            relabel_content_types('newsletters', 'pages', ('newsletterlist', 'newslettersynctask', 'subscriber', 'newsletterpage', 'subscription')),
        ),
    ]
