"""Moving a model from one app to another without losing a row, for migrations.

Each move is three steps (see pages/migrations/0015 and each moved app's 0001 and 0002):
1. the new app takes the model into its migration state only, on the old table;
2. the old app drops it from its state only (the table stays);
3. the new app renames the table to its own name and relabels the model's content type.

Relabelling the content type, rather than creating a new one, keeps its id: pages, revisions,
workflow states and tasks, log entries, permissions (and the groups holding them), search index
entries and references all point at it and follow without being touched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def relabel_content_types(from_app: str, to_app: str, models: Iterable[str]) -> Callable:
    """A RunPython function: `from_app.model` becomes `to_app.model` for each model name (lower case)."""
    models = tuple(models)

    def relabel(apps, schema_editor) -> None:
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in models:
            old = ContentType.objects.filter(app_label=from_app, model=model).first()
            if old is None:  # a database that never had the model: nothing to carry over
                continue
            # A row for the new label can only come from a `migrate` stopped halfway (its
            # post_migrate step): nothing points at it yet but the permissions it brought.
            ContentType.objects.filter(app_label=to_app, model=model).delete()
            old.app_label = to_app
            old.save(update_fields=["app_label"])
        ContentType.objects.clear_cache()

    return relabel
