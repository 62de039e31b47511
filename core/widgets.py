"""Form widgets that tell editors the accepted range before they submit."""

from django import forms


class YearInput(forms.NumberInput):
    """A year box whose min/max survive Django's own (PositiveSmallIntegerField sets min=0)."""

    def __init__(self, minimum: int = 1990, maximum: int = 2100, attrs: dict | None = None):
        super().__init__(attrs={"step": 1, "inputmode": "numeric", **(attrs or {})})
        self.minimum, self.maximum = minimum, maximum

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].update(min=self.minimum, max=self.maximum)
        return context


YEAR_WIDGET = YearInput()
