"""PressIndexPage, PressMention, PressReleasePage: taken over from publications with their tables as they are (state only). See
core/moves.py; the next migration gives the tables this app's names."""
import datetime
import django.db.models.deletion
import modelcluster.fields
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('pages', '0014_moderation_task_with_publish_checks'),
        ('publications', '0006_publication_availability'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
        ('wagtaildocs', '0014_alter_document_file_size'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PressIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('listing_summary', models.TextField(blank=True, help_text='Une ou deux phrases qui présentent la page dans les listes et les cartes. Sert aussi de description pour les moteurs de recherche si celle-ci est vide.', max_length=300, verbose_name='résumé')),
                        ('intro', models.TextField(blank=True, help_text='Une ou deux phrases pour les journalistes.', max_length=600, verbose_name='chapô')),
                        ('press_kit', wagtail.fields.StreamField([('document', 3), ('logo', 7)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Titre', 'max_length': 120}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'Description', 'max_length': 250, 'required': False}), 2: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Fichier'}), 3: ('wagtail.blocks.StructBlock', [[('title', 0), ('description', 1), ('document', 2)]], {}), 4: ('wagtail.blocks.CharBlock', (), {'help_text': 'Par exemple « Logo du RAMEAU, version couleur ».', 'label': 'Nom', 'max_length': 120}), 5: ('wagtail.images.blocks.ImageChooserBlock', (), {'help_text': "Affichée en aperçu et téléchargeable telle qu'envoyée (PNG ou JPEG).", 'label': 'Image du logo'}), 6: ('wagtail.blocks.ListBlock', (2,), {'help_text': 'Les autres formats du même logo : PDF vectoriel, archive ZIP avec SVG ou EPS…', 'label': 'Autres formats'}), 7: ('wagtail.blocks.StructBlock', [[('name', 4), ('image', 5), ('files', 6)]], {})}, help_text='Le dossier de presse, les logos et leurs formats, les portraits…', verbose_name='kit presse')),
                        ('listing_image', models.ForeignKey(blank=True, help_text='Image affichée sur les cartes qui mènent à cette page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image de vignette')),
                        ('social_image', models.ForeignKey(blank=True, help_text="Image montrée quand la page est partagée sur un réseau social (format paysage, 1200 × 630 px idéalement). À défaut : l'image de vignette, puis celle du site.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image de partage')),
                    ],
                    options={
                        'verbose_name': 'page « Presse »',
                        'verbose_name_plural': 'pages « Presse »',
                        'db_table': 'publications_pressindexpage',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='PressMention',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('outlet', models.CharField(help_text='Le journal, la radio ou le site : « La Croix ».', max_length=120, verbose_name='média')),
                        ('date', models.DateField(verbose_name='date de parution')),
                        ('title', models.CharField(help_text="Le titre de l'article ou de l'émission.", max_length=255, verbose_name='titre')),
                        ('url', models.URLField(blank=True, help_text="L'adresse de l'article en ligne ; elle est vérifiée chaque nuit avec celles des centres.", max_length=500, verbose_name='lien')),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='mentions', to='press.pressindexpage')),
                    ],
                    options={
                        'verbose_name': 'article de presse',
                        'verbose_name_plural': 'articles de presse',
                        'ordering': ['-date', 'outlet'],
                        'db_table': 'publications_pressmention',
                    },
                ),
                migrations.CreateModel(
                    name='PressReleasePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('listing_summary', models.TextField(blank=True, help_text='Une ou deux phrases qui présentent la page dans les listes et les cartes. Sert aussi de description pour les moteurs de recherche si celle-ci est vide.', max_length=300, verbose_name='résumé')),
                        ('date', models.DateField(default=datetime.date.today, help_text='La date du communiqué.', verbose_name='date')),
                        ('summary', models.TextField(help_text="L'essentiel en quelques phrases ; repris dans la liste et le flux.", max_length=800, verbose_name='résumé')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 8), ('quote', 12), ('key_figures', 16), ('video', 18), ('sources', 24)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Titre', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Titre de section (h2)'), ('h3', 'Sous-titre (h3)')], 'help_text': 'Un titre de section (h2) ouvre une partie ; un sous-titre (h3) la subdivise.', 'label': 'Niveau'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('pages.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': "Ce que montre l'image, pour qui ne la voit pas. Laissez vide si elle est purement décorative.", 'label': 'Texte alternatif', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Légende', 'max_length': 250, 'required': False}), 7: ('wagtail.blocks.CharBlock', (), {'help_text': "Auteur ou source de l'image, par exemple « © Le RAMEAU ».", 'label': 'Crédit', 'max_length': 120, 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('image', 4), ('alt_text', 5), ('caption', 6), ('credit', 7)]], {}), 9: ('wagtail.blocks.TextBlock', (), {'label': 'Citation', 'max_length': 600}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Auteur', 'max_length': 120, 'required': False}), 11: ('wagtail.blocks.CharBlock', (), {'help_text': "Fonction ou organisation de l'auteur.", 'label': 'Fonction', 'max_length': 160, 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('text', 9), ('author', 10), ('role', 11)]], {}), 13: ('wagtail.blocks.CharBlock', (), {'label': 'Titre', 'max_length': 120, 'required': False}), 14: ('wagtail.snippets.blocks.SnippetChooserBlock', ('pages.KeyFigure',), {'label': 'Chiffre clé'}), 15: ('wagtail.blocks.ListBlock', (14,), {'help_text': "Chaque chiffre s'affiche avec sa source ; modifiez-le une fois dans « Chiffres clés ».", 'label': 'Chiffres clés', 'min_num': 1}), 16: ('wagtail.blocks.StructBlock', [[('heading', 13), ('figures', 15)]], {}), 17: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'Lien YouTube, Vimeo ou Dailymotion.', 'label': 'Adresse de la vidéo'}), 18: ('wagtail.blocks.StructBlock', [[('video', 17), ('caption', 6)]], {}), 19: ('wagtail.blocks.CharBlock', (), {'default': 'Sources', 'label': 'Titre', 'max_length': 80}), 20: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link'], 'label': 'Référence'}), 21: ('wagtail.blocks.URLBlock', (), {'label': 'Lien', 'required': False}), 22: ('wagtail.blocks.StructBlock', [[('text', 20), ('url', 21)]], {}), 23: ('wagtail.blocks.ListBlock', (22,), {'label': 'Références', 'min_num': 1}), 24: ('wagtail.blocks.StructBlock', [[('heading', 19), ('items', 23)]], {})}, help_text='Facultatif : le texte intégral.', verbose_name='texte')),
                        ('document', models.ForeignKey(blank=True, help_text="Le communiqué tel qu'envoyé aux journalistes, en PDF.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtaildocs.document', verbose_name='communiqué (PDF)')),
                        ('listing_image', models.ForeignKey(blank=True, help_text='Image affichée sur les cartes qui mènent à cette page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image de vignette')),
                        ('social_image', models.ForeignKey(blank=True, help_text="Image montrée quand la page est partagée sur un réseau social (format paysage, 1200 × 630 px idéalement). À défaut : l'image de vignette, puis celle du site.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image de partage')),
                    ],
                    options={
                        'verbose_name': 'communiqué de presse',
                        'verbose_name_plural': 'communiqués de presse',
                        'db_table': 'publications_pressreleasepage',
                    },
                    bases=('wagtailcore.page',),
                ),
            ],
        ),
    ]
