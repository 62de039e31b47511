"""Form widgets that tell editors the accepted range before they submit."""
from django import forms

YEAR_WIDGET = forms.NumberInput(attrs={"min": 1990, "max": 2100, "step": 1, "inputmode": "numeric"})
