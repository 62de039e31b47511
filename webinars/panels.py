"""An edit-form panel that warns (never refuses) when a session strays from its cycle's rule."""

from __future__ import annotations

from wagtail.admin.panels import Panel


class RuleWarningPanel(Panel):
    """Shown only when the session's saved dates are off the cycle's rule."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Règle du cycle")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "webinars/admin/rule_warning_panel.html"

        def _cycle(self):
            instance = self.instance
            if getattr(instance, "pk", None) and instance.path:
                return instance.cycle
            parent = getattr(self.form, "parent_page", None)
            parent = parent.specific if parent is not None else None
            return parent if hasattr(parent, "rule") else None

        @property
        def reason(self) -> str | None:
            if not hasattr(self, "_reason"):
                cycle = self._cycle()
                start, end = getattr(self.instance, "start", None), getattr(self.instance, "end", None)
                self._reason = cycle.rule.off_rule_reason(start, end) if cycle and start and end else None
            return self._reason

        def is_shown(self) -> bool:
            return bool(self.reason)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["reason"] = self.reason
            return context
