"""ContentVersion: taken over from pages with their tables as they are (state only). See
core/moves.py; the next migration gives the tables this app's names."""
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('pages', '0014_moderation_task_with_publish_checks'),
        ('security', '0004_moderation_task_with_publish_checks'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ContentVersion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('token', models.CharField(max_length=32)),
                        ('changed_at', models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        'verbose_name': 'version du contenu',
                        'verbose_name_plural': 'versions du contenu',
                        'db_table': 'pages_contentversion',
                    },
                ),
            ],
        ),
    ]
