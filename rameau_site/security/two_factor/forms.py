"""The code form: six digits checked against one named device, with django-otp throttling."""

from __future__ import annotations

from django import forms
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class TOTPCodeForm(forms.Form):
    otp_token = forms.CharField(
        label="Code à 6 chiffres",
        min_length=6,
        max_length=6,
        strip=True,
        help_text="Le code affiché par votre application d'authentification (il change toutes les 30 secondes).",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, device: TOTPDevice, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self) -> str:
        token = self.cleaned_data["otp_token"]
        allowed, details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError("Trop d'essais erronés : patientez quelques secondes avant de réessayer.")
        if not token.isdigit() or not self.device.verify_token(token):
            raise forms.ValidationError("Ce code n'est pas le bon (ou il a expiré). Réessayez avec le code affiché.")
        return token


class LoginForm(WagtailLoginForm):
    """Wagtail's login form gives its password field no label, so Django shows « Password »."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Mot de passe"
