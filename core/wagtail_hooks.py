"""Admin wiring of the core: documents whose file is missing answer 404, the dashboard
warning about the site's address, a plain word after « Enregistrer la programmation », and
checkboxes compared as « Oui » / « Non »."""

from django.db import models
from wagtail import hooks
from wagtail.admin.compare import register_comparison_class

from .documents import refuse_missing_document
from .revisions import YesNoComparison
from .scheduling import say_what_was_scheduled, schedule_dialog_script
from .site_address import warn_about_site_address  # noqa: F401 (registers its hook)

# After Wagtail's own check of collection privacy (order 0): a private document stays private.
hooks.register("before_serve_document", refuse_missing_document, order=100)
hooks.register("after_create_page", say_what_was_scheduled)
hooks.register("after_edit_page", say_what_was_scheduled)
hooks.register("insert_editor_js", schedule_dialog_script)
register_comparison_class(models.BooleanField, comparison_class=YesNoComparison)
