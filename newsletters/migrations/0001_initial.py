"""NewsletterList, NewsletterSyncTask, Subscriber, NewsletterPage, Subscription: taken over from pages with their tables as they are (state only). See
core/moves.py; the next migration gives the tables this app's names."""
import django.db.models.deletion
import django.utils.timezone
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
                    name='NewsletterList',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=120, unique=True, verbose_name='nom')),
                        ('description', models.TextField(blank=True, help_text='Ce que la lettre apporte et à quel rythme, en une ou deux phrases (affiché sous son nom).', max_length=400, verbose_name='description')),
                        ('active', models.BooleanField(default=True, help_text="Décochez pour ne plus la proposer ; ses abonnés restent, jusqu'à leur désinscription.", verbose_name="proposée à l'inscription")),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, help_text="Les petits nombres d'abord.", verbose_name='ordre')),
                        ('brevo_list_id', models.PositiveIntegerField(blank=True, help_text="Seulement si le site est relié à Brevo (réglage BREVO_API_KEY) : le numéro de la liste Brevo où ajouter les abonnés confirmés. Vide : rien n'est envoyé à Brevo pour cette lettre.", null=True, verbose_name='numéro de liste Brevo')),
                    ],
                    options={
                        'verbose_name': "lettre d'information",
                        'verbose_name_plural': "lettres d'information",
                        'ordering': ['sort_order', 'name'],
                        'db_table': 'pages_newsletterlist',
                    },
                ),
                migrations.CreateModel(
                    name='NewsletterSyncTask',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('action', models.CharField(choices=[('add', 'ajout aux listes'), ('remove', 'retrait des listes'), ('delete', 'effacement du contact')], max_length=8, verbose_name='action')),
                        ('email', models.EmailField(db_index=True, max_length=254, verbose_name='courriel')),
                        ('list_ids', models.JSONField(blank=True, default=list, verbose_name='listes Brevo')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='créée le')),
                        ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='tentatives')),
                        ('last_error', models.TextField(blank=True, verbose_name='dernière erreur')),
                        ('failed_at', models.DateTimeField(blank=True, null=True, verbose_name='refusée le')),
                    ],
                    options={
                        'verbose_name': 'envoi à Brevo en attente',
                        'verbose_name_plural': 'envois à Brevo en attente',
                        'ordering': ['pk'],
                        'db_table': 'pages_newslettersynctask',
                    },
                ),
                migrations.CreateModel(
                    name='Subscriber',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email', models.EmailField(max_length=254, unique=True, verbose_name='courriel')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='première demande le')),
                    ],
                    options={
                        'verbose_name': 'abonné',
                        'verbose_name_plural': 'abonnés',
                        'permissions': [('manage_personal_data', "Peut retrouver, exporter et effacer les données d'une personne")],
                        'db_table': 'pages_subscriber',
                    },
                ),
                migrations.CreateModel(
                    name='NewsletterPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('listing_summary', models.TextField(blank=True, help_text='Une ou deux phrases qui présentent la page dans les listes et les cartes. Sert aussi de description pour les moteurs de recherche si celle-ci est vide.', max_length=300, verbose_name='résumé')),
                        ('intro', models.TextField(blank=True, help_text='Une ou deux phrases au-dessus de la liste des lettres.', max_length=600, verbose_name='chapô')),
                        ('body', wagtail.fields.RichTextField(blank=True, help_text="Facultatif : ce qu'on reçoit, à quelle fréquence, comment se désinscrire…", verbose_name='texte après le formulaire')),
                        ('listing_image', models.ForeignKey(blank=True, help_text='Image affichée sur les cartes qui mènent à cette page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image de vignette')),
                        ('social_image', models.ForeignKey(blank=True, help_text="Image montrée quand la page est partagée sur un réseau social (format paysage, 1200 × 630 px idéalement). À défaut : l'image de vignette, puis celle du site.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image de partage')),
                    ],
                    options={
                        'verbose_name': "page des lettres d'information",
                        'verbose_name_plural': "pages des lettres d'information",
                        'db_table': 'pages_newsletterpage',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='Subscription',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('status', models.CharField(choices=[('pending', 'en attente de confirmation'), ('confirmed', 'confirmée'), ('unsubscribed', 'désinscrite')], db_index=True, default='pending', max_length=16, verbose_name='état')),
                        ('requested_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='demandée le')),
                        ('consent_text', models.TextField(blank=True, verbose_name='texte accepté')),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='consentement confirmé le')),
                        ('unsubscribed_at', models.DateTimeField(blank=True, null=True, verbose_name='désinscription le')),
                        ('newsletter', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='subscriptions', to='newsletters.newsletterlist', verbose_name='lettre')),
                        ('subscriber', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='subscriptions', to='newsletters.subscriber', verbose_name='abonné')),
                    ],
                    options={
                        'verbose_name': 'inscription',
                        'verbose_name_plural': 'inscriptions',
                        'ordering': ['newsletter__sort_order', 'subscriber__email'],
                        'constraints': [models.UniqueConstraint(fields=('subscriber', 'newsletter'), name='one_subscription_per_list')],
                        'db_table': 'pages_subscription',
                    },
                ),
            ],
        ),
    ]
