"""Production: refuses to start unless its environment is complete."""

import os

from django.core.exceptions import ImproperlyConfigured

from rameau_site.security.logs import production_logging
from rameau_site.security.sentry import init_sentry_from_environment

from .base import *  # noqa: F403

REQUIRED_ENV = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")
_missing = [name for name in REQUIRED_ENV if not os.environ.get(name, "").strip()]
if _missing:
    raise ImproperlyConfigured("Production settings need these environment variables: " + ", ".join(_missing))

# Behind a proxy, every request reaches gunicorn from the proxy's address: unless
# TRUSTED_PROXY_COUNT says how many proxies of ours append to X-Forwarded-For, the login lockout
# and the form limits would count every visitor as one (and one person could lock everyone out).
_proxy_settings = [name for name in ("FORWARDED_ALLOW_IPS", "FRONTEND_CACHE_URL") if os.environ.get(name, "").strip()]
if _proxy_settings and TRUSTED_PROXY_COUNT < 1:  # noqa: F405
    raise ImproperlyConfigured(
        f"{' and '.join(_proxy_settings)} say(s) a proxy stands in front, but TRUSTED_PROXY_COUNT is "
        f"{TRUSTED_PROXY_COUNT}: set it to the number of proxies of ours that append to X-Forwarded-For "  # noqa: F405
        "(1 for the Varnish of compose.yaml alone, 2 with an HTTPS proxy in front of it)."
    )

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = [host.strip() for host in os.environ["ALLOWED_HOSTS"].split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS]
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0].lstrip('.')}")

# HTTPS is terminated by the proxy in front, which sets X-Forwarded-Proto itself (and
# overwrites any value a client sent). Who may say so is gunicorn's decision, the layer
# that sees the peer address: it turns X-Forwarded-Proto into the request's scheme only
# for FORWARDED_ALLOW_IPS (rameau_site/gunicorn.conf.py). Django's SECURE_PROXY_SSL_HEADER
# would believe the header from anyone who reaches gunicorn directly, so it stays unset.
SECURE_PROXY_SSL_HEADER = None
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() != "false"
SECURE_REDIRECT_EXEMPT = [r"^-/"]
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

# Outgoing requests (the platforms' feeds) never reach this machine's own services.
OUTBOUND_LOOPBACK_PORTS = frozenset()

# One JSON line per record on stdout; every 5xx is one django.request line with its path.
LOGGING = production_logging(os.environ.get("LOG_LEVEL", "INFO"))
SENTRY_ENABLED = init_sentry_from_environment()
