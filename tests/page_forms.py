"""A page's edit form as the admin's scripts send it: the fields the HTML holds, plus the
StreamFields, which the browser builds from their JSON state (the test client runs no script)."""

from __future__ import annotations

from django.test import Client
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html


def block_data(block: blocks.Block, value, prefix: str) -> dict[str, str]:
    """The POST fields of one block's value, named as Wagtail's block widgets name them."""
    if isinstance(block, blocks.StreamBlock):
        data = {f"{prefix}-count": str(len(value))}
        for index, child in enumerate(value):
            data.update(
                {
                    f"{prefix}-{index}-type": child.block_type,
                    f"{prefix}-{index}-deleted": "",
                    f"{prefix}-{index}-order": str(index),
                    f"{prefix}-{index}-id": child.id or "",
                }
            )
            data.update(block_data(child.block, child.value, f"{prefix}-{index}-value"))
        return data
    if isinstance(block, blocks.ListBlock):
        items = list(value.bound_blocks) if hasattr(value, "bound_blocks") else []
        data = {f"{prefix}-count": str(len(items))}
        for index, child in enumerate(items):
            data.update(
                {
                    f"{prefix}-{index}-deleted": "",
                    f"{prefix}-{index}-order": str(index),
                    f"{prefix}-{index}-id": child.id,
                }
            )
            data.update(block_data(block.child_block, child.value, f"{prefix}-{index}-value"))
        return data
    if isinstance(block, blocks.StructBlock):
        data: dict[str, str] = {}
        for name, child_block in block.child_blocks.items():
            data.update(block_data(child_block, value.get(name), f"{prefix}-{name}"))
        return data
    if isinstance(block, blocks.ChooserBlock):
        return {prefix: str(value.pk) if value is not None else ""}
    if isinstance(block, blocks.FieldBlock):
        shown = block.field.widget.format_value(block.value_for_form(value))
        return {prefix: "" if shown is None else str(shown)}
    return {}


def edit_form_data(client: Client, url: str, page: Page) -> dict:
    """What « Publier » sends from the edit (or revert) form at `url`, whose values are `page`'s."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    fields = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = {name: values if len(values) > 1 else values[0] for name, values in fields.lists()}
    for field in type(page)._meta.get_fields():
        if isinstance(field, StreamField):
            data.update(block_data(field.stream_block, getattr(page, field.name), field.name))
    return data
