"""The import's place in Wagtail: its log entry in page histories, and `/?p=12`-style old
addresses followed before the page at that address is served."""

from __future__ import annotations

from wagtail import hooks

from .pages import LOG_ACTION
from .redirects import follow_query_redirect


@hooks.register("register_log_actions")
def register_import_action(actions) -> None:
    actions.register_action(LOG_ACTION, "Importé depuis WordPress", "Importé depuis WordPress")


@hooks.register("before_serve_page")
def follow_wordpress_query_addresses(page, request, serve_args, serve_kwargs):
    return follow_query_redirect(request)
