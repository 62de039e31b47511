"""Admin wiring of the core: documents whose file is missing answer 404, and the dashboard
warning about the site's address."""

from wagtail import hooks

from .documents import refuse_missing_document
from .site_address import warn_about_site_address  # noqa: F401 (registers its hook)

# After Wagtail's own check of collection privacy (order 0): a private document stays private.
hooks.register("before_serve_document", refuse_missing_document, order=100)
