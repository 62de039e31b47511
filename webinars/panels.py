"""Edit-form panels of a session: off its cycle's rule (a warning, never a refusal), or in a
cycle that is still a draft."""

from __future__ import annotations

from django.urls import reverse
from django.utils.functional import cached_property
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


class DraftCycleWarningPanel(Panel):
    """Shown while the session's cycle is unpublished: publishing the session alone is refused."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Cycle en brouillon")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "webinars/admin/draft_cycle_panel.html"

        @cached_property
        def cycle(self):
            form_cycle = getattr(self.form, "cycle", None)
            return form_cycle() if callable(form_cycle) else None

        def is_shown(self) -> bool:
            cycle = self.cycle
            return cycle is not None and not cycle.live

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["cycle"] = self.cycle
            return context


class PlanSessionsPanel(Panel):
    """On a saved yearly cycle's form: the « Planifier les sessions » button, in plain sight."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Sessions du cycle")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "webinars/admin/plan_sessions_panel.html"

        def is_shown(self) -> bool:
            return bool(getattr(self.instance, "pk", None) and getattr(self.instance, "year", None))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["plan_url"] = reverse("webinars_plan_cycle", args=[self.instance.pk])
            return context
