"""TOTP devices (django-otp, used by wagtail-2fa): creating one and reading its code."""

from __future__ import annotations

from base64 import b32encode

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def base32_key(device: TOTPDevice) -> str:
    """The secret as authenticator apps ask for it when typed by hand."""
    return b32encode(device.bin_key).decode("ascii").rstrip("=")


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
