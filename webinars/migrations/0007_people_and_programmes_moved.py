"""Links to people and programmes follow their models into their own apps (state only: the
columns and constraints already point at the same tables)."""
import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0001_initial'),
        ('programmes', '0001_initial'),
        ('webinars', '0006_session_time_known'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='webinarcyclepage',
                    name='programmes',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text="Le ou les programmes dont le cycle met les résultats en débat ; il s'affichera sur leur page.", related_name='webinar_cycles', to='programmes.programmepage', verbose_name='programmes de recherche'),
                ),
                migrations.AlterField(
                    model_name='webinarspeaker',
                    name='person',
                    field=models.ForeignKey(blank=True, help_text="Si l'intervenant a une page sur le site : son nom y mènera. Nom vide : repris de sa page.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='talks', to='people.personpage', verbose_name='page de la personne'),
                ),
            ],
        ),
    ]
