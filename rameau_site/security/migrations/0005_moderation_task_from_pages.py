"""ModerationTask: taken over from pages with their tables as they are (state only). See
core/moves.py; the next migration gives the tables this app's names."""
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('pages', '0014_moderation_task_with_publish_checks'),
        ('security', '0004_moderation_task_with_publish_checks'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ModerationTask',
                    fields=[
                        ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                        ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
                    ],
                    options={
                        'verbose_name': 'validation par un groupe, avec vérifications',
                        'verbose_name_plural': 'validations par un groupe, avec vérifications',
                        'db_table': 'pages_moderationtask',
                    },
                    bases=('wagtailcore.task',),
                ),
            ],
        ),
    ]
