"""Optional error reports to Sentry: nothing is imported or sent unless SENTRY_DSN is set."""

from __future__ import annotations

import os


def init_sentry_from_environment() -> bool:
    dsn = os.environ.get("SENTRY_DSN", "").strip()
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        integrations=[DjangoIntegration()],
        send_default_pii=False,  # no staff names, e-mails or IP addresses leave the site
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
    return True
