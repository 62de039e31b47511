"""Settings shared by every environment. No secret lives here."""

import os
import zoneinfo
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    # One app per subject (DESIGN.md « Layout »): the core first, then the institution's
    # pages, the subjects, the sections.
    "core",
    "caching",
    "datavis",
    "pages",
    "people",
    "programmes",
    "contact",
    "newsletters",
    "legal",
    "search",
    "resources",
    "publications",
    "press",
    "webinars",
    "imports",
    "rameau_site.security",
    "rameau_site.guide",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # the recovery codes (« codes de secours »)
    "axes",
    "csp",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "django.contrib.sitemaps",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "rameau_site.security.middleware.SecurityHeadersMiddleware",
    "rameau_site.security.middleware.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # /-/liveness and /-/readiness whatever the Host header (probes use an IP or a service name):
    # nothing above reads it for these paths, and the security headers still apply.
    "rameau_site.security.health.HealthCheckMiddleware",
    # Cache-Control on every answer (private when personal, an explicit public lifetime
    # otherwise), above the page cache so that its hits are judged alike.
    "caching.headers.CacheControlMiddleware",
    # Page cache right after WhiteNoise: a cached page skips everything below yet
    # still gets the security headers added above; GZip inside it, so compressed pages are kept.
    "caching.middleware.PageCacheMiddleware",
    "core.rendition_budget.RenditionBudgetMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "rameau_site.security.two_factor.middleware.StaffTwoFactorMiddleware",
    "rameau_site.security.view_guards.ViewGuardMiddleware",
    "rameau_site.security.password_guesses.SharedPasswordGuessesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Addresses with capitals that found nothing: to the lower-case address (after Wagtail's
    # own redirects, which see the 404 first).
    "rameau_site.case_redirects.LowerCaseRedirectMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "rameau_site.urls"
WSGI_APPLICATION = "rameau_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pages.context_processors.site_settings",
                "core.context_processors.content_version",
            ],
        },
    },
]

# DATABASE_URL everywhere (`make run` and `make test` set it to their embedded PostgreSQL);
# unset or empty, a SQLite file next to the code, which production settings refuse.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "").strip() or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
# The project's corrections of Wagtail's French (locale/fr: the .po and its compiled .mo).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT") or BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Le RAMEAU"
# Wagtail's own fallback. Links in e-mails (notifications, invitations, contact messages) come
# from the Site record of Paramètres › Sites instead (core.absolute_urls.admin_root_url).
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_I18N_ENABLED = False
# Wagtail's login form, with its password field labelled in French.
WAGTAILADMIN_USER_LOGIN_FORM = "rameau_site.security.two_factor.forms.LoginForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Wagtail's autosave is off: on a new page it created a draft as soon as typing began (an
# abandoned form stayed behind, and starting again met « slug déjà utilisé »), showed
# validation errors mid-typing and filled the history with unlabelled versions. Staff save
# with « Enregistrer le brouillon » (Ctrl+S); leaving a page with unsaved changes still asks first.
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no staff e-mail hash sent to a third party; CSP-clean admin
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The time zones staff may pick in their account: the system's geographic names only. Wagtail
# offers every name the system knows, and the account page's script stops on the first one
# browsers refuse (« localtime »: RangeError: Invalid time zone specified).
WAGTAIL_USER_TIME_ZONES = [
    "UTC",
    *sorted(
        zone
        for zone in zoneinfo.available_timezones()
        if zone.split("/")[0]
        in {"Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"}
    ),
]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# Pixel bombs, and a read-only or full media volume: form errors (rameau_site/security/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "rameau_site.security.uploads.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "rameau_site.security.uploads.DocumentForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "zip", "csv"]
# Documents go through Wagtail's serve view (permissions, privacy) and always download as
# attachments: nothing uploaded is ever rendered by the browser from our origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
# PostgreSQL: French stemming without accents (configuration made by pages' migration 0004).
# SQLite (the demo) uses its own FTS5 index: no stemming, see the README.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "french_unaccent"
else:
    # SQLite checks deferred unique constraints at once (README: what SQLite lacks).
    SILENCED_SYSTEM_CHECKS = ["models.W038"]
# Wagtail's responsive wrapper is an inline style, which the CSP forbids; site.css sizes
# embedded players itself (.video iframe { aspect-ratio: 16 / 9 }).
WAGTAILEMBEDS_RESPONSIVE_HTML = False

# Seeding demo content and the demo superuser are refused unless a setting allows them.
DEMO_CONTENT_ALLOWED = False

# Caches (README « Performance »). Local memory per process by default; with
# REDIS_URL, one Redis shared by every worker and server. Correctness never depends on the
# backend: what is cached is filed under a content version kept in the database.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        alias: {
            "BACKEND": backend,
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"rameau-{alias}",
            "TIMEOUT": 3600,
        }
        for alias, backend in (
            ("default", "caching.backends.ResilientRedisCache"),
            ("pages", "caching.backends.ResilientRedisCache"),
            ("template_fragments", "core.fragment_caches.FragmentRedisCache"),
        )
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "caching.backends.FastLocMemCache",
            "LOCATION": "rameau-default",
            # Renditions, routes, image markup: a few entries per page of a 3,000-page site.
            "OPTIONS": {"MAX_ENTRIES": 30_000},
        },
        "pages": {
            "BACKEND": "caching.backends.FastLocMemCache",
            "LOCATION": "rameau-pages",
            "OPTIONS": {"MAX_ENTRIES": 2_000},
        },
        # Cards and other {% cache %} fragments: never one rendered with an image postponed.
        "template_fragments": {
            "BACKEND": "core.fragment_caches.FragmentLocMemCache",
            "LOCATION": "rameau-fragments",
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        },
    }
# New image renditions one request may make; what an image-rich page needs beyond that is made
# just after the answer, for at most this many seconds (core/rendition_budget.py).
RENDITIONS_PER_REQUEST = 12
RENDITIONS_CATCH_UP_SECONDS = 5

# Whole pages for anonymous visitors: how long a page may stay (what depends on the clock,
# like « prochain webinaire », is at most this late); 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "60"))
PAGE_CACHE_ALIAS = "pages"
# The content version kept in each process's memory, pushed by PostgreSQL notifications, so a
# cache hit needs no database round trip; trusted at most this many seconds without news
# (caching/version.py). Off with SQLite: every request reads the version row.
CONTENT_VERSION_LISTEN = DATABASES["default"]["ENGINE"].endswith("postgresql")
CONTENT_VERSION_MAX_AGE = 1.0
# A new version is prepared (catalogue updated, home and changed pages rendered) before visitors
# get it, at most this many seconds after its commit (rameau_site/warming.py); 0: at once. The
# rest of the second is for serving it: other servers show a change within 1 s.
CONTENT_VERSION_WARM_SECONDS = float(os.environ.get("CONTENT_VERSION_WARM_SECONDS", "0.6"))
# Never cached, and the content version is not even read there: the admin (previews
# included), documents (private collections), health checks (they must not need the database).
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/django-admin/", "/documents/", "/media/", "/__erreurs/", "/-/")
# Cache-Control (caching/headers.py): how long a browser, the proxy or a CDN may keep a
# public answer; answers under these paths are always `private, no-store`, as is anything
# personal (a cookie set, a CSRF token, a session, a POST).
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "60"))
PRIVATE_PATH_PREFIXES = ("/admin/", "/django-admin/", "/_util/")
# The caching proxy in front (Varnish, deploy/varnish/default.vcl) or a CDN, purged after each
# committed change of the content version (caching/frontend.py) through Wagtail's
# frontend-cache backends. FRONTEND_CACHE_URL=http://proxy names an HTTP proxy that accepts
# PURGE; CLOUDFLARE_API_TOKEN + CLOUDFLARE_ZONE_ID a Cloudflare zone. Neither: nothing is sent.
WAGTAILFRONTENDCACHE: dict[str, dict[str, str]] = {}
if FRONTEND_CACHE_URL := os.environ.get("FRONTEND_CACHE_URL", "").strip():
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "caching.frontend.ProxyBackend",
        "LOCATION": FRONTEND_CACHE_URL,
    }
if os.environ.get("CLOUDFLARE_API_TOKEN", "").strip() and os.environ.get("CLOUDFLARE_ZONE_ID", "").strip():
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"].strip(),
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"].strip(),
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# --- Security and operations (README « Sécurité et exploitation ») ------------------------
from csp.constants import NONE, SELF, UNSAFE_INLINE  # noqa: E402

if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A database that does not answer gives a 503 within seconds, not a 30 s hang.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 3

# Replays and video blocks load one of these players, and only once the visitor has clicked
# « Lire la vidéo » (YouTube through its privacy-enhanced youtube-nocookie.com domain).
VIDEO_PLAYERS = [
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://geo.dailymotion.com",
]
# Public pages: no inline script or style, nothing from elsewhere but the video players.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "frame-src": VIDEO_PLAYERS,
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}
# The Wagtail admin (and Django's) still uses inline scripts and styles, blob: and data:
# images, and frames its own previews: a looser policy, on these paths only.
ADMIN_CSP_PATH_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", "https://i.ytimg.com", "https://i.vimeocdn.com"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https://www.youtube.com", *VIDEO_PLAYERS],  # Wagtail previews embeds as oEmbed gives them
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "fullscreen": ["self", *(f'"{player}"' for player in VIDEO_PLAYERS)],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Staff sessions end after an hour without activity (each request renews the hour).
SESSION_COOKIE_AGE = 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# Login lockout (django-axes): 5 failures from one address (whatever the usernames tried) lock
# that address for an hour. Never a username alone: anyone could then lock a colleague out
# from anywhere, for ever; the account's owner, on another address, still gets in. Guessing
# from many addresses meets the second factor every account has. The address is REMOTE_ADDR,
# or the entry our own proxies
# appended to X-Forwarded-For when TRUSTED_PROXY_COUNT says how many there are; what a
# client writes in that header never counts.
# AxesBackend checks the lockout first (and can load a user, which Wagtail's test helpers and
# any code taking the first backend expect); ModelBackend then checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "rameau_site.security.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "security/locked_out.html"
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Two-factor authentication (django-otp TOTP) for every account that reaches the admin, in
# every environment, with no switch to turn it off (StaffTwoFactorMiddleware); the demo admin
# gets its key from `seed_demo --superuser`.
OTP_TOTP_ISSUER = "Le RAMEAU"
# People arrive by invitation (rameau_site/security/accounts/): the user forms of the admin have
# no password field, so no administrator ever chooses or passes on someone else's password. The
# invitation's link to choose a password is valid this long, and only until it is used.
WAGTAILUSERS_PASSWORD_ENABLED = False
INVITATION_MAX_AGE = 72 * 60 * 60
# « Mot de passe oublié » : per address, at most FORM_RATE_LIMIT requests an hour; per account,
# at most this many e-mails an hour, whoever asks.
PASSWORD_RESET_EMAILS_PER_HOUR = 3

# --- The front door: e-mail, forms, newsletters, audience measurement (README « Réglages ») ---
# E-mail: EMAIL_URL (smtp://…, smtps://…, smtp+tls://…) or the EMAIL_HOST… variables; the dev
# settings print messages on the console and the tests keep them in Django's outbox.
from rameau_site.mail import email_settings  # noqa: E402

_email = email_settings(os.environ)
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
# A mail server that hangs must not hold a visitor's request for long: messages are stored first.
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "").strip() or "Le RAMEAU <webmaster@localhost>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who a form submission comes from, for the rate limits of the forms (same rule as the login lockout).
CLIENT_IP_CALLABLE = AXES_CLIENT_IP_CALLABLE
# Contact form and newsletter sign-ups: at most this many accepted per address and per hour,
# counted in the database (core/counters.py), so the limit holds across workers and servers.
FORM_RATE_LIMIT = 5
FORM_RATE_WINDOW = 60 * 60
# A form sent back faster than this (seconds after the page was shown), or shown longer ago
# than the token's lifetime, is suspect: a contact message is kept, marked for review.
FORM_MIN_FILL_SECONDS = 3
FORM_TOKEN_MAX_AGE = 24 * 60 * 60
# Newsletters: sync to Brevo only with a key (nothing leaves the site without one).
BREVO_API_KEY = os.environ.get("BREVO_API_KEY", "").strip()
BREVO_API_URL = os.environ.get("BREVO_API_URL", "").strip() or "https://api.brevo.com/v3"
# Audience measurement: Matomo without cookies, only when both are set (README « Réglages »).
MATOMO_URL = os.environ.get("MATOMO_URL", "").strip()
MATOMO_SITE_ID = os.environ.get("MATOMO_SITE_ID", "").strip()
# Requests to addresses others chose (the platforms' feeds, resources/outbound.py) never reach a
# loopback, private or reserved address. The tests add the ports of their own fake servers
# on 127.0.0.1 here; no other settings ever do (production states it again).
OUTBOUND_LOOPBACK_PORTS: frozenset[int] = frozenset()
