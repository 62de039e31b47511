"""PersonPage, TeamPage: taken over from pages with their tables as they are (state only). See
core/moves.py; the next migration gives the tables this app's names."""
import django.db.models.deletion
import people.models
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
                    name='PersonPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('listing_summary', models.TextField(blank=True, help_text='Une ou deux phrases qui présentent la page dans les listes et les cartes. Sert aussi de description pour les moteurs de recherche si celle-ci est vide.', max_length=300, verbose_name='résumé')),
                        ('given_name', models.CharField(blank=True, help_text='Pour les citations et les moteurs de recherche.', max_length=80, verbose_name='prénom')),
                        ('family_name', models.CharField(blank=True, help_text='Pour les citations (« Heidsieck, Charles-Benoît ») et les moteurs de recherche.', max_length=120, verbose_name='nom de famille')),
                        ('role', models.CharField(blank=True, help_text="Telle qu'elle s'affiche sous le nom : « Président-fondateur », « Directrice scientifique ».", max_length=200, verbose_name='fonction')),
                        ('photo_alt', models.CharField(blank=True, help_text='Ce que montre la photo pour qui ne la voit pas. Par défaut : « Portrait de » suivi du nom.', max_length=200, verbose_name='texte alternatif de la photo')),
                        ('biography', wagtail.fields.RichTextField(blank=True, help_text='Quelques lignes : parcours, travaux, rôle au RAMEAU.', verbose_name='biographie')),
                        ('orcid', models.CharField(blank=True, help_text="L'identifiant de chercheur, par exemple 0000-0002-1825-0097 (sans l'adresse).", max_length=19, validators=[people.models.validate_orcid], verbose_name='ORCID')),
                        ('hal_url', models.URLField(blank=True, help_text="L'adresse de sa page d'auteur sur HAL, par exemple https://cv.hal.science/…", verbose_name='page HAL')),
                        ('linkedin_url', models.URLField(blank=True, help_text="L'adresse complète de son profil LinkedIn.", verbose_name='LinkedIn')),
                        ('website_url', models.URLField(blank=True, help_text='Un site personnel ou professionnel.', verbose_name='page personnelle')),
                        ('email', models.EmailField(blank=True, help_text='Affiché seulement si la case ci-dessous est cochée.', max_length=254, verbose_name='courriel')),
                        ('show_email', models.BooleanField(default=False, help_text='Cochez seulement si la personne accepte que son adresse soit publiée.', verbose_name='afficher le courriel')),
                        ('listing_image', models.ForeignKey(blank=True, help_text='Image affichée sur les cartes qui mènent à cette page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image de vignette')),
                        ('photo', models.ForeignKey(blank=True, help_text="Un portrait, de préférence carré ; seulement avec l'accord de la personne.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='photo')),
                        ('social_image', models.ForeignKey(blank=True, help_text="Image montrée quand la page est partagée sur un réseau social (format paysage, 1200 × 630 px idéalement). À défaut : l'image de vignette, puis celle du site.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image de partage')),
                    ],
                    options={
                        'verbose_name': 'personne',
                        'verbose_name_plural': 'personnes',
                        'db_table': 'pages_personpage',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='TeamPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('listing_summary', models.TextField(blank=True, help_text='Une ou deux phrases qui présentent la page dans les listes et les cartes. Sert aussi de description pour les moteurs de recherche si celle-ci est vide.', max_length=300, verbose_name='résumé')),
                        ('intro', models.TextField(blank=True, help_text='Une ou deux phrases qui présentent les personnes du RAMEAU.', max_length=600, verbose_name='chapô')),
                        ('sections', wagtail.fields.StreamField([('section', 4)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': "« L'équipe », « Le conseil d'administration »…", 'label': 'Titre de la section', 'max_length': 120}), 1: ('wagtail.blocks.TextBlock', (), {'label': 'Introduction', 'max_length': 400, 'required': False}), 2: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Personne', 'page_type': ['people.PersonPage']}), 3: ('wagtail.blocks.ListBlock', (2,), {'help_text': "Dans l'ordre d'affichage. Une personne peut figurer dans plusieurs sections.", 'label': 'Personnes'}), 4: ('wagtail.blocks.StructBlock', [[('heading', 0), ('intro', 1), ('members', 3)]], {})}, help_text="Créez d'abord les personnes (pages enfants de celle-ci), puis rangez-les ici ; une personne qui n'est dans aucune section n'apparaît pas sur cette page.", verbose_name='sections')),
                        ('listing_image', models.ForeignKey(blank=True, help_text='Image affichée sur les cartes qui mènent à cette page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image de vignette')),
                        ('social_image', models.ForeignKey(blank=True, help_text="Image montrée quand la page est partagée sur un réseau social (format paysage, 1200 × 630 px idéalement). À défaut : l'image de vignette, puis celle du site.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image de partage')),
                    ],
                    options={
                        'verbose_name': 'page « Équipe »',
                        'verbose_name_plural': 'pages « Équipe »',
                        'db_table': 'pages_teampage',
                    },
                    bases=('wagtailcore.page',),
                ),
            ],
        ),
    ]
