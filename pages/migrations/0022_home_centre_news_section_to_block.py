"""The home page's « Section automatique › Dernières ressources des centres » becomes the body
block « Dernières ressources des centres » (placeable in every shared body since 0020), showing
the six items the section showed; the live page, its drafts and its older revisions alike."""

from django.db import migrations
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import BaseBlockOperation

#: What the home section showed before it became a block.
HOME_ITEMS = 6


class SectionToCentreNewsOperation(BaseBlockOperation):
    """In a stream: each `section` block naming `centre_news` becomes a `centre_news` block."""

    def apply(self, block_value):
        return [
            {
                **child,
                "type": "centre_news",
                "value": {"title": "Dernières ressources des centres", "count": HOME_ITEMS},
            }
            if child.get("type") == "section" and (child.get("value") or {}).get("section") == "centre_news"
            else child
            for child in block_value
        ]

    @property
    def operation_name_fragment(self):
        return "home_centre_news_section_to_block"


class Migration(migrations.Migration):
    dependencies = [("pages", "0021_centre_news_block")]

    operations = [
        MigrateStreamData(
            app_name="pages",
            model_name="HomePage",
            field_name="body",
            operations_and_block_paths=[(SectionToCentreNewsOperation(), "")],
        ),
    ]
