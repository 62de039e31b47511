"""Second-factor devices (django-otp): the TOTP secret as a person types it into an
authenticator app, and the single-use recovery codes (« codes de secours »)."""

from __future__ import annotations

from base64 import b32encode

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
RECOVERY_DEVICE_NAME = "Codes de secours"


def base32_key(device: TOTPDevice) -> str:
    """The secret as authenticator apps ask for it when typed by hand."""
    return b32encode(device.bin_key).decode("ascii").rstrip("=")


def in_groups(text: str, size: int = 4) -> str:
    """« ABCD EFGH IJKL »: easier to read out and to type."""
    return " ".join(text[start : start + size] for start in range(0, len(text), size))


def normalised_code(text: str) -> str:
    """A recovery code as stored, whatever spaces, dashes or capitals it was typed with."""
    return "".join(character for character in text.lower() if character.isalnum())


def has_authenticator(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def new_recovery_codes(user) -> list[str]:
    """RECOVERY_CODES fresh codes, replacing every earlier one; shown once, stored as django-otp does."""
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def remaining_recovery_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def remove_second_factor(user) -> int:
    """Every device of the account (authenticator apps, recovery codes): how many there were."""
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).delete()[1].get(TOTPDevice._meta.label, 0)
        removed += StaticDevice.objects.filter(user=user).delete()[1].get(StaticDevice._meta.label, 0)
    return removed
