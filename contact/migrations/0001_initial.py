"""ContactPage, ContactFormField, ContactSubmission: taken over from pages with their tables as they are (state only). See
core/moves.py; the next migration gives the tables this app's names."""
import django.core.serializers.json
import django.db.models.deletion
import modelcluster.fields
import wagtail.contrib.forms.models
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('pages', '0014_moderation_task_with_publish_checks'),
        ('security', '0004_moderation_task_with_publish_checks'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ContactPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('listing_summary', models.TextField(blank=True, help_text='Une ou deux phrases qui présentent la page dans les listes et les cartes. Sert aussi de description pour les moteurs de recherche si celle-ci est vide.', max_length=300, verbose_name='résumé')),
                        ('intro', models.TextField(blank=True, help_text='Une ou deux phrases au-dessus du formulaire.', max_length=600, verbose_name='chapô')),
                        ('thank_you_text', wagtail.fields.RichTextField(blank=True, help_text='Affiché une fois le message envoyé. Laissé vide : « Merci, votre message est bien arrivé. »', verbose_name='message de remerciement')),
                        ('listing_image', models.ForeignKey(blank=True, help_text='Image affichée sur les cartes qui mènent à cette page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image de vignette')),
                        ('social_image', models.ForeignKey(blank=True, help_text="Image montrée quand la page est partagée sur un réseau social (format paysage, 1200 × 630 px idéalement). À défaut : l'image de vignette, puis celle du site.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image de partage')),
                    ],
                    options={
                        'verbose_name': 'page de contact',
                        'verbose_name_plural': 'pages de contact',
                        'db_table': 'pages_contactpage',
                    },
                    bases=(wagtail.contrib.forms.models.FormMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='ContactFormField',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('clean_name', models.CharField(blank=True, default='', help_text='Safe name of the form field, the label converted to ascii_snake_case', max_length=255, verbose_name='name')),
                        ('label', models.CharField(help_text='The label of the form field', max_length=255, verbose_name='label')),
                        ('field_type', models.CharField(choices=[('singleline', 'Single line text'), ('multiline', 'Multi-line text'), ('email', 'Email'), ('number', 'Number'), ('url', 'URL'), ('checkbox', 'Checkbox'), ('checkboxes', 'Checkboxes'), ('dropdown', 'Drop down'), ('multiselect', 'Multiple select'), ('radio', 'Radio buttons'), ('date', 'Date'), ('datetime', 'Date/time'), ('hidden', 'Hidden field')], max_length=16, verbose_name='field type')),
                        ('required', models.BooleanField(default=True, verbose_name='required')),
                        ('choices', models.TextField(blank=True, help_text='Comma or new line separated list of choices. Only applicable in checkboxes, radio and dropdown.', verbose_name='choices')),
                        ('default_value', models.TextField(blank=True, help_text='Default value. Comma or new line separated values supported for checkboxes.', verbose_name='default value')),
                        ('help_text', models.CharField(blank=True, max_length=255, verbose_name='help text')),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='form_fields', to='contact.contactpage')),
                    ],
                    options={
                        'verbose_name': 'champ du formulaire',
                        'verbose_name_plural': 'champs du formulaire',
                        'ordering': ['sort_order'],
                        'abstract': False,
                        'db_table': 'pages_contactformfield',
                    },
                ),
                migrations.CreateModel(
                    name='ContactSubmission',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('form_data', models.JSONField(encoder=django.core.serializers.json.DjangoJSONEncoder)),
                        ('submit_time', models.DateTimeField(auto_now_add=True, verbose_name='submit time')),
                        ('email', models.EmailField(blank=True, db_index=True, max_length=254, verbose_name='courriel')),
                        ('subject', models.CharField(blank=True, db_index=True, max_length=200, verbose_name='objet')),
                        ('notified_at', models.DateTimeField(blank=True, null=True, verbose_name='signalé par courriel le')),
                        ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.page')),
                    ],
                    options={
                        'verbose_name': 'message reçu',
                        'verbose_name_plural': 'messages reçus',
                        'indexes': [models.Index(fields=['submit_time'], name='contact_submit_time')],
                        'db_table': 'pages_contactsubmission',
                    },
                ),
            ],
        ),
    ]
