"""`{% admin_root_url as base_url %}`: the site's address for links in e-mails to staff."""

from django import template

from core.absolute_urls import admin_root_url as _admin_root_url

register = template.Library()


@register.simple_tag
def admin_root_url() -> str:
    return _admin_root_url()
