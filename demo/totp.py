"""A demo account's two-factor device: enrolled by `seed_demo --superuser`, read by
`demo_otp_code` and by the tests that play the part of an authenticator app."""

from __future__ import annotations

from base64 import b32decode

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from rameau_site.security.totp import base32_key


class DemoDevice:
    """A confirmed device with what a person needs to enrol it in an authenticator app."""

    def __init__(self, device: TOTPDevice) -> None:
        self.device = device
        self.base32_key = base32_key(device)
        self.config_url = device.config_url


def reset_totp_device(user) -> DemoDevice:
    """Replaces the user's devices with one new confirmed device (demo and tests only)."""
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="Démo", confirmed=True)
    return DemoDevice(device)


def current_code(device: TOTPDevice) -> str:
    """The six digits an authenticator app shows right now for this device."""
    token = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return str(token).zfill(device.digits)


def code_for_key(key: str) -> str:
    """The six digits an authenticator app shows for a key typed from the activation page
    (groups of four, spaces ignored): what a person enrolling by hand would enter."""
    secret = key.replace(" ", "").upper()
    return str(totp(b32decode(secret + "=" * (-len(secret) % 8)))).zfill(6)
