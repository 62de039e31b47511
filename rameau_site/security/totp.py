"""TOTP devices (django-otp): the secret as a person types it into an authenticator app."""

from __future__ import annotations

from base64 import b32encode

from django_otp.plugins.otp_totp.models import TOTPDevice


def base32_key(device: TOTPDevice) -> str:
    """The secret as authenticator apps ask for it when typed by hand."""
    return b32encode(device.bin_key).decode("ascii").rstrip("=")
