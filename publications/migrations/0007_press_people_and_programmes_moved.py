"""The press leaves for its own app (state only: press/0002 renames its tables), and links to people
and programmes follow their models (the columns already point at the same tables)."""
import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0001_initial'),
        ('press', '0001_initial'),
        ('programmes', '0001_initial'),
        ('publications', '0006_publication_availability'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='pressmention',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='pressreleasepage',
                    name='document',
                ),
                migrations.RemoveField(
                    model_name='pressreleasepage',
                    name='listing_image',
                ),
                migrations.RemoveField(
                    model_name='pressreleasepage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='pressreleasepage',
                    name='social_image',
                ),
                migrations.AlterField(
                    model_name='publicationauthor',
                    name='person',
                    field=models.ForeignKey(blank=True, help_text="Si l'auteur a une page sur le site : son nom y mènera. Prénom et nom vides : repris de sa page.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='authorships', to='people.personpage', verbose_name='page de la personne'),
                ),
                migrations.AlterField(
                    model_name='publicationpage',
                    name='programmes',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text="Le ou les programmes dont la publication est issue ; elle s'affichera sur leur page.", related_name='publications', to='programmes.programmepage', verbose_name='programmes de recherche'),
                ),
                migrations.DeleteModel(
                    name='PressIndexPage',
                ),
                migrations.DeleteModel(
                    name='PressMention',
                ),
                migrations.DeleteModel(
                    name='PressReleasePage',
                ),
            ],
        ),
    ]
