"""Links to people and programmes follow their models into their own apps (state only: the
columns and constraints already point at the same tables)."""
import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('programmes', '0001_initial'),
        ('resources', '0004_centre_body_newsletter_block'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='resourcecentrepage',
                    name='programmes',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text="Le ou les programmes dont le centre capitalise les travaux ; il s'affichera sur leur page.", related_name='centres', to='programmes.programmepage', verbose_name='programmes de recherche'),
                ),
            ],
        ),
    ]
