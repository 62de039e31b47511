"""ProgrammeIndexPage, ProgrammePage: taken over from pages with their tables as they are (state only). See
core/moves.py; the next migration gives the tables this app's names."""
import django.core.validators
import django.db.models.deletion
import modelcluster.fields
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
                    name='ProgrammeIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('listing_summary', models.TextField(blank=True, help_text='Une ou deux phrases qui présentent la page dans les listes et les cartes. Sert aussi de description pour les moteurs de recherche si celle-ci est vide.', max_length=300, verbose_name='résumé')),
                        ('intro', models.TextField(blank=True, help_text='Une ou deux phrases sur la façon dont Le RAMEAU mène ses programmes.', max_length=600, verbose_name='chapô')),
                        ('listing_image', models.ForeignKey(blank=True, help_text='Image affichée sur les cartes qui mènent à cette page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image de vignette')),
                        ('social_image', models.ForeignKey(blank=True, help_text="Image montrée quand la page est partagée sur un réseau social (format paysage, 1200 × 630 px idéalement). À défaut : l'image de vignette, puis celle du site.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image de partage')),
                    ],
                    options={
                        'verbose_name': 'index des programmes',
                        'verbose_name_plural': 'index des programmes',
                        'db_table': 'pages_programmeindexpage',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='ProgrammePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('listing_summary', models.TextField(blank=True, help_text='Une ou deux phrases qui présentent la page dans les listes et les cartes. Sert aussi de description pour les moteurs de recherche si celle-ci est vide.', max_length=300, verbose_name='résumé')),
                        ('full_name', models.CharField(blank=True, help_text="Pour un sigle : ce qu'il veut dire, par exemple « Analyse des relations de partenariat… ».", max_length=255, verbose_name='nom développé')),
                        ('start_year', models.PositiveSmallIntegerField(blank=True, help_text="Laissez vide si elle n'est pas connue.", null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='année de début')),
                        ('end_year', models.PositiveSmallIntegerField(blank=True, help_text="Laissez vide pour un programme en cours ou dont la fin n'est pas connue.", null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='année de fin')),
                        ('status', models.CharField(blank=True, choices=[('current', 'en cours'), ('completed', 'achevé')], help_text="Laissé vide, l'état se déduit de l'année de fin ; sans année de fin, le programme est listé à part, sans dire s'il est en cours ou achevé.", max_length=10, verbose_name='état')),
                        ('summary', models.TextField(help_text='Deux ou trois phrases : la question étudiée, avec qui, comment. Reprises dans la liste des programmes.', max_length=600, verbose_name='résumé')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 8), ('quote', 12), ('key_figures', 16), ('call_to_action', 21), ('video', 23), ('sources', 29), ('partners', 32), ('contact_details', 33), ('newsletter_signup', 36)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Titre', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Titre de section (h2)'), ('h3', 'Sous-titre (h3)')], 'help_text': 'Un titre de section (h2) ouvre une partie ; un sous-titre (h3) la subdivise.', 'label': 'Niveau'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('pages.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': "Ce que montre l'image, pour qui ne la voit pas. Laissez vide si elle est purement décorative.", 'label': 'Texte alternatif', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Légende', 'max_length': 250, 'required': False}), 7: ('wagtail.blocks.CharBlock', (), {'help_text': "Auteur ou source de l'image, par exemple « © Le RAMEAU ».", 'label': 'Crédit', 'max_length': 120, 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('image', 4), ('alt_text', 5), ('caption', 6), ('credit', 7)]], {}), 9: ('wagtail.blocks.TextBlock', (), {'label': 'Citation', 'max_length': 600}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Auteur', 'max_length': 120, 'required': False}), 11: ('wagtail.blocks.CharBlock', (), {'help_text': "Fonction ou organisation de l'auteur.", 'label': 'Fonction', 'max_length': 160, 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('text', 9), ('author', 10), ('role', 11)]], {}), 13: ('wagtail.blocks.CharBlock', (), {'label': 'Titre', 'max_length': 120, 'required': False}), 14: ('wagtail.snippets.blocks.SnippetChooserBlock', ('pages.KeyFigure',), {'label': 'Chiffre clé'}), 15: ('wagtail.blocks.ListBlock', (14,), {'help_text': "Chaque chiffre s'affiche avec sa source ; modifiez-le une fois dans « Chiffres clés ».", 'label': 'Chiffres clés', 'min_num': 1}), 16: ('wagtail.blocks.StructBlock', [[('heading', 13), ('figures', 15)]], {}), 17: ('wagtail.blocks.TextBlock', (), {'label': 'Texte', 'max_length': 400, 'required': False}), 18: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page du site', 'required': False}), 19: ('wagtail.blocks.URLBlock', (), {'label': 'Ou adresse externe', 'required': False}), 20: ('wagtail.blocks.CharBlock', (), {'label': 'Texte du bouton', 'max_length': 60}), 21: ('wagtail.blocks.StructBlock', [[('title', 0), ('text', 17), ('page', 18), ('url', 19), ('label', 20)]], {}), 22: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'Lien YouTube, Vimeo ou Dailymotion.', 'label': 'Adresse de la vidéo'}), 23: ('wagtail.blocks.StructBlock', [[('video', 22), ('caption', 6)]], {}), 24: ('wagtail.blocks.CharBlock', (), {'default': 'Sources', 'label': 'Titre', 'max_length': 80}), 25: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link'], 'label': 'Référence'}), 26: ('wagtail.blocks.URLBlock', (), {'label': 'Lien', 'required': False}), 27: ('wagtail.blocks.StructBlock', [[('text', 25), ('url', 26)]], {}), 28: ('wagtail.blocks.ListBlock', (27,), {'label': 'Références', 'min_num': 1}), 29: ('wagtail.blocks.StructBlock', [[('heading', 24), ('items', 28)]], {}), 30: ('pages.blocks.PartnerChooserBlock', ('pages.Partner',), {'label': 'Partenaire'}), 31: ('wagtail.blocks.ListBlock', (30,), {'label': 'Partenaires'}), 32: ('wagtail.blocks.StructBlock', [[('heading', 13), ('partners', 31)]], {}), 33: ('pages.blocks.ContactDetailsBlock', (), {}), 34: ('wagtail.blocks.CharBlock', (), {'default': "Recevoir nos lettres d'information", 'label': 'Titre', 'max_length': 120}), 35: ('wagtail.blocks.TextBlock', (), {'help_text': "Une phrase d'invitation, facultative. Les lettres proposées sont celles cochées « proposée ».", 'label': 'Texte', 'max_length': 400, 'required': False}), 36: ('wagtail.blocks.StructBlock', [[('heading', 34), ('text', 35)]], {})}, verbose_name='présentation')),
                        ('listing_image', models.ForeignKey(blank=True, help_text='Image affichée sur les cartes qui mènent à cette page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image de vignette')),
                        ('partners', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Les organisations qui mènent ou financent le programme avec Le RAMEAU.', related_name='programmes', to='pages.partner', verbose_name='partenaires')),
                        ('social_image', models.ForeignKey(blank=True, help_text="Image montrée quand la page est partagée sur un réseau social (format paysage, 1200 × 630 px idéalement). À défaut : l'image de vignette, puis celle du site.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image de partage')),
                    ],
                    options={
                        'verbose_name': 'programme',
                        'verbose_name_plural': 'programmes',
                        'db_table': 'pages_programmepage',
                    },
                    bases=('wagtailcore.page',),
                ),
            ],
        ),
    ]
