"""The code forms: six digits checked against one named authenticator, or one of the account's
recovery codes, each with django-otp's throttling."""

from __future__ import annotations

from django import forms
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from ..totp import normalised_code

THROTTLED = "Trop d'essais erronés : patientez quelques secondes avant de réessayer."


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
            raise forms.ValidationError(THROTTLED)
        if not token.isdigit() or not self.device.verify_token(token):
            raise forms.ValidationError("Ce code n'est pas le bon (ou il a expiré). Réessayez avec le code affiché.")
        return token


class RecoveryCodeForm(forms.Form):
    """One of the codes shown at enrolment; each works once."""

    code = forms.CharField(
        label="Code de secours",
        max_length=20,
        strip=True,
        help_text="Un des 10 codes notés à l'activation (8 lettres et chiffres, les espaces ne comptent pas).",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "autofocus": True}),
    )

    def __init__(self, device: StaticDevice | None, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self) -> str:
        code = normalised_code(self.cleaned_data["code"])
        if self.device is None:
            raise forms.ValidationError("Ce compte n'a aucun code de secours : demandez à un administrateur.")
        allowed, details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(THROTTLED)
        if not self.device.verify_token(code):
            raise forms.ValidationError("Ce code de secours n'est pas valable (ou il a déjà servi).")
        return code


class LoginForm(WagtailLoginForm):
    """Wagtail's login form gives its password field no label, so Django shows « Password »."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Mot de passe"
