"""E-mails to the owner of a staff account (invitation, second factor reset)."""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from wagtail.admin.utils import get_user_display_name

logger = logging.getLogger("rameau_site.security")


def mail_account(user, subject: str, template: str, context: dict) -> bool:
    """Send it; False, and logged, when the mail server fails (what was done stays done)."""
    body = render_to_string(template, {"user": user, "name": get_user_display_name(user), **context})
    try:
        EmailMessage(subject, body, to=[user.email]).send()
    except Exception:
        logger.exception("E-mail « %s » to account %s not sent: the mail server failed", subject, user.pk)
        return False
    return True
