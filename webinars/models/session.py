"""A session: its theme (the page title), when it happens, who speaks, and its replay afterwards."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.text import Truncator
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from core import french_dates
from core.inline_panels import RowsPanel
from core.search_weights import SUMMARY
from core.structured_data import json_ld_script
from pages.blocks import TEXT_FEATURES
from pages.models import BasePage
from people.models import link_people
from webinars import clock
from webinars.forms import WebinarSessionForm
from webinars.ical import UID_DOMAIN, Event, calendar, plain_text
from webinars.links import google_calendar_url, outlook_calendar_url
from webinars.panels import DraftCycleWarningPanel, RuleWarningPanel
from webinars.schedule import nth_weekday
from webinars.structured_data import webinar_event

from .cycle import ICAL_ROUTE, WebinarCyclePage

#: How a planned session's title ends until staff give its theme (webinars.planning).
PLACEHOLDER_THEME = "thème à venir"


class WebinarPage(RoutablePageMixin, BasePage):
    start = models.DateTimeField("début", help_text="Date et heure de début (heure de Paris dans l'administration).")
    end = models.DateTimeField("fin", help_text="Date et heure de fin.")
    time_known = models.BooleanField(
        "horaire connu",
        default=True,
        help_text="Décochez pour une session dont seule la date est sûre : le site n'affichera pas d'horaire "
        "et les agendas la noteront sur la journée.",
    )
    summary = RichTextField(
        "présentation",
        blank=True,
        features=TEXT_FEATURES,
        help_text="Ce dont on débattra, les questions posées, ce que l'on retiendra.",
    )
    registration_url = models.URLField(
        "lien d'inscription",
        blank=True,
        help_text="Laissez vide pour reprendre celui du cycle.",
    )
    replay_url = models.URLField(
        "replay (vidéo)",
        blank=True,
        help_text="Après la session : l'adresse de la vidéo (YouTube, Vimeo…).",
    )
    slides = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="supports de présentation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Après la session : le diaporama ou la synthèse, en PDF de préférence.",
    )
    themes = ParentalManyToManyField(
        "pages.Theme",
        verbose_name="thèmes",
        blank=True,
        related_name="webinars",
        help_text="Les thèmes partagés avec les publications, pour les croiser.",
    )
    centres = ParentalManyToManyField(
        "resources.ResourceCentrePage",
        verbose_name="centres de ressources liés",
        blank=True,
        related_name="webinars",
        help_text="La session s'affichera sur la page de ces centres de ressources.",
    )

    base_form_class = WebinarSessionForm
    content_panels = [
        DraftCycleWarningPanel(),
        *BasePage.content_panels,
        HelpPanel(
            "<p>Le titre de la page est le thème de la session, tel qu'il apparaît dans le programme.</p>",
            heading="Thème",
        ),
        MultiFieldPanel(
            [RuleWarningPanel(), FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("time_known")],
            heading="Date et horaire",
        ),
        FieldPanel("summary"),
        RowsPanel("speakers", heading="Intervenants", label="Intervenant"),
        FieldPanel("registration_url"),
        MultiFieldPanel([FieldPanel("replay_url"), FieldPanel("slides")], heading="Après la session"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("centres", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Liens",
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("summary", boost=SUMMARY)]

    parent_page_types = ["webinars.WebinarCyclePage"]
    subpage_types: list[str] = []
    preload_related = (*BasePage.preload_related, "slides")

    class Meta:
        verbose_name = "session de webinaire"
        verbose_name_plural = "sessions de webinaire"

    # --- the cycle, fetched once (listings attach it in bulk to avoid a query per session)
    @property
    def cycle(self) -> WebinarCyclePage | None:
        if not hasattr(self, "_cycle"):
            from webinars.queries import cycles_by_path  # cached per content version: no query per session

            parent_path = self.path[: -self.steplen] if self.path else ""
            self._cycle = cycles_by_path().get(parent_path) if parent_path else None
        return self._cycle

    @cycle.setter
    def cycle(self, value: WebinarCyclePage | None) -> None:
        self._cycle = value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.cycle.time_zone if self.cycle else settings.TIME_ZONE)

    @property
    def local_start(self) -> datetime:
        return self.start.astimezone(self.zone)

    @property
    def local_end(self) -> datetime:
        return self.end.astimezone(self.zone)

    @property
    def date_label(self) -> str:
        """« jeudi 21 novembre 2019 »."""
        return french_dates.format_weekday_date(self.local_start.date())

    @property
    def short_date_label(self) -> str:
        return french_dates.format_short_date(self.local_start.date())

    @property
    def weekday_date_label(self) -> str:
        """« jeudi 22 août » (tables already say the year)."""
        return f"{french_dates.DAYS[self.local_start.weekday()]} {self.short_date_label}"

    @property
    def datetime_attribute(self) -> str:
        """The machine-readable date of `<time>`: no hour when the hour is not known."""
        start = self.local_start
        return start.isoformat() if self.time_known else start.date().isoformat()

    @property
    def follows_rule_time(self) -> bool:
        """Tables print the time only when it differs from the cycle's usual slot."""
        if not self.cycle:
            return False
        return (self.local_start.time(), self.local_end.time()) == (self.cycle.start_time, self.cycle.end_time)

    @property
    def holiday_note(self) -> str:
        """« 15 août férié » when the rule moved this session off a public holiday."""
        if not (self.cycle and self.cycle.skip_public_holidays):
            return ""
        rule = self.cycle.rule
        local = self.local_start.date()
        day, moved_from = rule.date_for(local.year, local.month)
        if not moved_from or day != local:
            return ""
        original = nth_weekday(local.year, local.month, rule.weekday, rule.which)
        return f"{french_dates.format_short_date(original)} férié ({moved_from})"

    @property
    def month_label(self) -> str:
        return french_dates.month_name(self.local_start.date())

    @property
    def time_label(self) -> str:
        """« 13 h – 14 h », or nothing when only the date is known."""
        if not self.time_known:
            return ""
        return french_dates.format_time_range(self.local_start.time(), self.local_end.time())

    @property
    def when_label(self) -> str:
        """« jeudi 21 novembre 2019, 13 h – 14 h », or the date alone."""
        return f"{self.date_label}, {self.time_label}" if self.time_known else self.date_label

    @property
    def theme_announced(self) -> bool:
        """False while the title is still the planner's « Décembre 2026 : thème à venir »: such
        a session is listed small, never as a headline, and offers no registration yet."""
        return not " ".join(self.title.split()).lower().endswith(PLACEHOLDER_THEME)

    def get_registration_url(self) -> str:
        return self.registration_url or (self.cycle.registration_url if self.cycle else "")

    def off_rule_reason(self) -> str | None:
        """A French warning when the session strays from its cycle's rule (never a refusal)."""
        if not (self.cycle and self.start and self.end):
            return None
        return self.cycle.rule.off_rule_reason(self.start, self.end)

    def clean(self) -> None:
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "La fin de la session doit venir après son début."})

    search_result_label = "Webinaire"

    def get_meta_description(self) -> str:
        return self.search_description or self.listing_summary or Truncator(self.plain_summary()).chars(300)

    def search_result_date(self) -> str:
        return self.when_label

    # --- calendars
    def plain_summary(self) -> str:
        """The presentation on one line (meta description, search results)."""
        return " ".join(plain_text(self.summary).split()) or self.listing_summary

    def calendar_title(self) -> str:
        return f"Webinaire du RAMEAU : {self.title}"

    def calendar_details(self, request: HttpRequest | None = None) -> str:
        """The calendar event's text: the presentation's paragraphs, then registration and page links."""
        parts = [plain_text(self.summary) or self.listing_summary]
        if self.get_registration_url():
            parts.append(f"Inscription : {self.get_registration_url()}")
        parts.append(f"Présentation : {self.get_full_url(request)}")
        return "\n\n".join(part for part in parts if part)

    def ical_url(self, request: HttpRequest | None = None) -> str:
        return f"{self.get_url(request)}{ICAL_ROUTE}"

    def ical_event(self, request: HttpRequest | None = None) -> Event:
        return Event(
            uid=f"webinaire-{self.translation_key}@{UID_DOMAIN}",
            start=self.local_start,
            end=self.local_end,
            all_day=not self.time_known,
            summary=self.calendar_title(),
            description=self.calendar_details(request),
            url=self.get_full_url(request) or "",
            stamp=self.last_published_at or self.latest_revision_created_at or self.first_published_at,
            last_modified=self.last_published_at,
        )

    def calendar_links(self, request: HttpRequest | None = None) -> dict[str, str]:
        details = self.calendar_details(request)
        return {
            "ics": self.ical_url(request),
            "google": google_calendar_url(self.calendar_title(), self.start, self.end, details),
            "outlook": outlook_calendar_url(self.calendar_title(), self.start, self.end, details),
        }

    def get_context(self, request, *args, **kwargs):
        from webinars.queries import session_details  # imports these models

        context = super().get_context(request, *args, **kwargs)
        context.update(session_details(self, now=clock.now(), request=request))
        link_people(context["speakers"], request)
        context["json_ld"] = json_ld_script(webinar_event(self, context["speakers"], request))
        if not context["past"] and self.time_known:
            context["calendar_links"] = self.calendar_links(request)
        return context

    @path(f"{ICAL_ROUTE}/", name="ical")
    def ical_file(self, request: HttpRequest) -> HttpResponse:
        """This one session as an .ics file to add to any calendar."""
        body = calendar(self.title, [self.ical_event(request)], time_zone=self.zone.key)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="webinaire-{self.slug}.ics"'
        return response


class WebinarSpeaker(Orderable):
    page = ParentalKey(WebinarPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "people.PersonPage",
        verbose_name="page de la personne",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="talks",
        help_text="Si l'intervenant a une page sur le site : son nom y mènera. Nom vide : repris de sa page.",
    )
    name = models.CharField("nom", max_length=120, blank=True, help_text="Prénom et nom.")
    role = models.CharField(
        "fonction", max_length=200, blank=True, help_text="Fonction et organisation, par exemple « maire de … »."
    )

    panels = [FieldPanel("person"), FieldPanel("name"), FieldPanel("role")]

    def clean(self) -> None:
        """Name and role as on the day of the session; from the person's page when left empty."""
        super().clean()
        if self.person_id:
            self.name = self.name or self.person.title
            self.role = self.role or self.person.role
        if not self.name:
            raise ValidationError({"name": "Indiquez le nom de l'intervenant, ou choisissez sa page."})

    class Meta(Orderable.Meta):
        verbose_name = "intervenant"
        verbose_name_plural = "intervenants"

    def __str__(self) -> str:
        return self.name
