"""The admin form every page type starts from (BasePage.base_form_class)."""

from __future__ import annotations

from core.revisions import PageForm
from pages.slugs import elided


class BasePageForm(PageForm):
    """Wagtail's page form, with restored versions keeping their inline rows (core.revisions)."""

    def clean(self):
        """A new page whose slug the admin's script made from its title keeps the French
        elision as a hyphen (« Qualifier l'innovation »: `qualifier-l-innovation`, not
        `qualifier-linnovation`), when that address is free under the parent page."""
        cleaned_data = super().clean()
        slug, title = cleaned_data.get("slug"), cleaned_data.get("title")
        better = elided(slug, title) if self.instance.pk is None and slug and title else None
        if better and self.parent_page is not None and not self.parent_page.get_children().filter(slug=better).exists():
            cleaned_data["slug"] = better
        return cleaned_data
