"""The models that moved to core, people, programmes, contact, newsletters, legal and security
leave pages' state; their tables stay (each app's next migration renames its own). See
core/moves.py."""
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contact', '0001_initial'),
        ('core', '0001_initial'),
        ('legal', '0001_initial'),
        ('newsletters', '0001_initial'),
        ('pages', '0014_moderation_task_with_publish_checks'),
        ('people', '0001_initial'),
        ('programmes', '0001_initial'),
        ('publications', '0007_press_people_and_programmes_moved'),
        ('resources', '0005_programmes_moved'),
        ('security', '0004_moderation_task_with_publish_checks'),
        ('security', '0005_moderation_task_from_pages'),
        ('webinars', '0007_people_and_programmes_moved'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='historymilestone',
                    name='programme',
                    field=models.ForeignKey(blank=True, help_text="Le programme de recherche dont cette étape fait partie : elle s'affichera aussi sur sa page.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='history_milestones', to='programmes.programmepage', verbose_name='programme'),
                ),
                migrations.RemoveField(
                    model_name='accessibilitypage',
                    name='listing_image',
                ),
                migrations.RemoveField(
                    model_name='accessibilitypage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='accessibilitypage',
                    name='social_image',
                ),
                migrations.RemoveField(
                    model_name='contactformfield',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='contactpage',
                    name='listing_image',
                ),
                migrations.RemoveField(
                    model_name='contactpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='contactpage',
                    name='social_image',
                ),
                migrations.RemoveField(
                    model_name='contactsubmission',
                    name='page',
                ),
                migrations.DeleteModel(
                    name='ContentVersion',
                ),
                migrations.RemoveField(
                    model_name='legalnoticepage',
                    name='listing_image',
                ),
                migrations.RemoveField(
                    model_name='legalnoticepage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='legalnoticepage',
                    name='social_image',
                ),
                migrations.RemoveField(
                    model_name='moderationtask',
                    name='groups',
                ),
                migrations.RemoveField(
                    model_name='moderationtask',
                    name='task_ptr',
                ),
                migrations.RemoveField(
                    model_name='subscription',
                    name='newsletter',
                ),
                migrations.RemoveField(
                    model_name='newsletterpage',
                    name='listing_image',
                ),
                migrations.RemoveField(
                    model_name='newsletterpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='newsletterpage',
                    name='social_image',
                ),
                migrations.DeleteModel(
                    name='NewsletterSyncTask',
                ),
                migrations.RemoveField(
                    model_name='personpage',
                    name='listing_image',
                ),
                migrations.RemoveField(
                    model_name='personpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='personpage',
                    name='photo',
                ),
                migrations.RemoveField(
                    model_name='personpage',
                    name='social_image',
                ),
                migrations.RemoveField(
                    model_name='privacypage',
                    name='listing_image',
                ),
                migrations.RemoveField(
                    model_name='privacypage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='privacypage',
                    name='social_image',
                ),
                migrations.RemoveField(
                    model_name='programmeindexpage',
                    name='listing_image',
                ),
                migrations.RemoveField(
                    model_name='programmeindexpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='programmeindexpage',
                    name='social_image',
                ),
                migrations.RemoveField(
                    model_name='programmepage',
                    name='listing_image',
                ),
                migrations.RemoveField(
                    model_name='programmepage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='programmepage',
                    name='partners',
                ),
                migrations.RemoveField(
                    model_name='programmepage',
                    name='social_image',
                ),
                migrations.RemoveField(
                    model_name='subscription',
                    name='subscriber',
                ),
                migrations.RemoveField(
                    model_name='teampage',
                    name='listing_image',
                ),
                migrations.RemoveField(
                    model_name='teampage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='teampage',
                    name='social_image',
                ),
                migrations.DeleteModel(
                    name='AccessibilityPage',
                ),
                migrations.DeleteModel(
                    name='ContactFormField',
                ),
                migrations.DeleteModel(
                    name='ContactPage',
                ),
                migrations.DeleteModel(
                    name='ContactSubmission',
                ),
                migrations.DeleteModel(
                    name='LegalNoticePage',
                ),
                migrations.DeleteModel(
                    name='ModerationTask',
                ),
                migrations.DeleteModel(
                    name='NewsletterList',
                ),
                migrations.DeleteModel(
                    name='NewsletterPage',
                ),
                migrations.DeleteModel(
                    name='PersonPage',
                ),
                migrations.DeleteModel(
                    name='PrivacyPage',
                ),
                migrations.DeleteModel(
                    name='ProgrammeIndexPage',
                ),
                migrations.DeleteModel(
                    name='ProgrammePage',
                ),
                migrations.DeleteModel(
                    name='Subscriber',
                ),
                migrations.DeleteModel(
                    name='Subscription',
                ),
                migrations.DeleteModel(
                    name='TeamPage',
                ),
            ],
        ),
    ]
