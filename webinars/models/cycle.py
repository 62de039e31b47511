"""A cycle: a year (slug = the year) or a themed series, with the rule its sessions follow."""

from __future__ import annotations

from datetime import time

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest, HttpResponse
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from core.french_dates import DAYS
from core.search_weights import SUMMARY
from core.widgets import YearInput
from pages.models import BasePage
from webinars import clock
from webinars.ical import calendar
from webinars.panels import PlanSessionsPanel
from webinars.schedule import LAST, ScheduleRule

WEEKDAY_CHOICES = [(number, name) for number, name in enumerate(DAYS)]
WHICH_CHOICES = [(1, "1er"), (2, "2e"), (3, "3e"), (4, "4e"), (LAST, "dernier")]
TIME_ZONE_CHOICES = [
    ("Europe/Paris", "Paris"),
    ("America/Guadeloupe", "Guadeloupe"),
    ("America/Martinique", "Martinique"),
    ("America/Cayenne", "Guyane"),
    ("Indian/Reunion", "La Réunion"),
    ("Indian/Mayotte", "Mayotte"),
    ("Pacific/Noumea", "Nouvelle-Calédonie"),
    ("Pacific/Tahiti", "Tahiti"),
]
ICAL_ROUTE = "calendrier.ics"
YEAR_WIDGET = YearInput(minimum=2000)


class WebinarCyclePage(RoutablePageMixin, BasePage):
    intro = models.TextField(
        "introduction",
        blank=True,
        max_length=800,
        help_text="Ce que le cycle met en débat, pour qui, et comment y participer.",
    )
    year = models.PositiveSmallIntegerField(
        "année",
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=(
            "Pour un cycle annuel : son année (donnez alors l'année comme adresse, par exemple « 2027 »). "
            "Laissez vide pour une série thématique. La planification automatique a besoin de l'année."
        ),
    )
    registration_url = models.URLField(
        "adresse d'inscription",
        blank=True,
        help_text="La page de la plateforme externe où l'on s'inscrit ; chaque session la reprend sauf si elle a la sienne.",
    )
    rule_which = models.SmallIntegerField(
        "quel jour du mois", choices=WHICH_CHOICES, default=3, help_text="Par exemple « 3e » pour le 3e jeudi du mois."
    )
    rule_weekday = models.PositiveSmallIntegerField("jour de la semaine", choices=WEEKDAY_CHOICES, default=3)
    start_time = models.TimeField("heure de début", default=time(13, 0), help_text="Heure locale, par exemple 13:00.")
    end_time = models.TimeField("heure de fin", default=time(14, 0), help_text="Heure locale, par exemple 14:00.")
    time_zone = models.CharField(
        "fuseau horaire",
        max_length=40,
        choices=TIME_ZONE_CHOICES,
        default="Europe/Paris",
        help_text="L'heure des sessions est celle de ce fuseau ; les agendas la convertissent pour chacun.",
    )
    programmes = ParentalManyToManyField(
        "programmes.ProgrammePage",
        verbose_name="programmes de recherche",
        blank=True,
        related_name="webinar_cycles",
        help_text="Le ou les programmes dont le cycle met les résultats en débat ; il s'affichera sur leur page.",
    )
    skip_public_holidays = models.BooleanField(
        "décaler les jours fériés",
        default=True,
        help_text="Si le jour prévu est férié en France, la session passe au même jour de la semaine suivante.",
    )

    show_rule = models.BooleanField(
        "annoncer la règle aux visiteurs",
        default=True,
        help_text="Décochez si la règle n'est pas sûre (une série ancienne dont on ne connaît pas toutes les dates) : "
        "elle sert alors seulement à planifier.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("year", widget=YEAR_WIDGET),
        FieldPanel("registration_url"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("rule_which"), FieldPanel("rule_weekday")]),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
                FieldPanel("skip_public_holidays"),
                FieldPanel("show_rule"),
            ],
            heading="Règle de programmation",
            help_text="Sert à planifier les sessions et à signaler celles qui s'en écartent (sans les refuser).",
        ),
        FieldPanel("programmes", widget=forms.CheckboxSelectMultiple),
        PlanSessionsPanel(),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro", boost=SUMMARY)]

    search_result_label = "Cycle de webinaires"

    parent_page_types = ["webinars.WebinarIndexPage"]
    subpage_types = ["webinars.WebinarPage"]
    admin_default_ordering = "ord"  # sessions in the order the planner created them (January first)

    class Meta:
        verbose_name = "cycle de webinaires"
        verbose_name_plural = "cycles de webinaires"

    @property
    def rule(self) -> ScheduleRule:
        return ScheduleRule(
            weekday=self.rule_weekday,
            which=self.rule_which,
            start_time=self.start_time,
            end_time=self.end_time,
            time_zone=self.time_zone,
            skip_public_holidays=self.skip_public_holidays,
        )

    @property
    def rule_label(self) -> str:
        """« le 3e jeudi du mois, 13 h – 14 h »."""
        return self.rule.describe()

    def clean(self) -> None:
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": "L'heure de fin doit venir après l'heure de début."})

    def ical_url(self, request: HttpRequest | None = None) -> str:
        """The feed's address, /webinaires/<cycle>/calendrier.ics (no trailing slash)."""
        return f"{self.get_url(request)}{ICAL_ROUTE}"

    def ical_full_url(self, request: HttpRequest | None = None) -> str:
        return f"{self.get_full_url(request)}{ICAL_ROUTE}"

    def get_context(self, request, *args, **kwargs):
        from webinars.queries import cycle_sessions  # imports these models

        context = super().get_context(request, *args, **kwargs)
        now = clock.now()
        sessions = cycle_sessions(self, now=now)
        context["sessions"] = sessions
        context["past_count"] = sum(1 for session in sessions if session.past)
        context["next_session"] = next((session for session in sessions if not session.past), None)
        context["ical_url"] = self.ical_url(request)
        context["webcal_url"] = "webcal://" + self.ical_full_url(request).split("://", 1)[-1]
        return context

    @path(f"{ICAL_ROUTE}/", name="ical")
    def ical_feed(self, request: HttpRequest) -> HttpResponse:
        """The cycle as a subscribable iCalendar feed (every live session)."""
        from caching.data import remember
        from caching.scopes import PUBLICATIONS
        from webinars.queries import cycle_sessions

        def build() -> str:
            events = [session.ical_event(request) for session in cycle_sessions(self, now=clock.now())]
            return calendar(self.title, events, description=self.intro, time_zone=self.time_zone)

        # The feed names no time but the sessions' own: kept per content version and host.
        # Sessions, their cycle and speakers: nothing from the library or the news (caching/scopes.py).
        body = remember(
            request, f"cycle-ics:{self.pk}:{request.scheme}:{request.get_host()}", build, ignores=PUBLICATIONS
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="webinaires-{self.slug}.ics"'
        return response
