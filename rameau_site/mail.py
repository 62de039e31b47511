"""E-mail settings from the environment: one EMAIL_URL, or Django's own EMAIL_HOST… variables.

    EMAIL_URL=smtp://user:password@mail.example.org:587       (STARTTLS, the usual submission port)
    EMAIL_URL=smtps://user:password@mail.example.org:465      (TLS from the first byte)
    EMAIL_URL=smtp+plain://relay.internal:25                  (a relay on a private network)

Without either, Django's SMTP backend talks to localhost:25 (a local mail server). User names
and passwords may be percent-encoded (an @ in a password is %40).
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# scheme: (default port, STARTTLS, TLS from the start)
SCHEMES = {
    "smtp": (587, True, False),
    "smtp+tls": (587, True, False),
    "smtps": (465, False, True),
    "smtp+plain": (25, False, False),
}


def _flag(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "oui", "on"}


def email_settings(environ: Mapping[str, str]) -> dict:
    """Django's EMAIL_* settings from EMAIL_URL, else from the separate variables."""
    url = environ.get("EMAIL_URL", "").strip()
    if url:
        parts = urlsplit(url)
        if parts.scheme not in SCHEMES or not parts.hostname:
            raise ImproperlyConfigured(
                "EMAIL_URL must look like smtp://user:password@host:587 (schemes: " + ", ".join(sorted(SCHEMES)) + ")."
            )
        port, use_tls, use_ssl = SCHEMES[parts.scheme]
        return {
            "EMAIL_BACKEND": SMTP_BACKEND,
            "EMAIL_HOST": parts.hostname,
            "EMAIL_PORT": parts.port or port,
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_TLS": use_tls,
            "EMAIL_USE_SSL": use_ssl,
        }
    use_ssl = _flag(environ.get("EMAIL_USE_SSL", ""))
    return {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": environ.get("EMAIL_HOST", "").strip() or "localhost",
        "EMAIL_PORT": int(environ.get("EMAIL_PORT", "").strip() or (465 if use_ssl else 25)),
        "EMAIL_HOST_USER": environ.get("EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": environ.get("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": _flag(environ.get("EMAIL_USE_TLS", "")),
        "EMAIL_USE_SSL": use_ssl,
    }
