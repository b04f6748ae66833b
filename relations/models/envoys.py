"""Envoys of both countries and their appointments, with the dates of each mission's course."""

import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..partial_dates import PartialDateField
from ..spans import as_boolean, had_begun, had_not_ended, may_have_begun, may_not_have_ended
from ..year_ranges import overlapping_years
from .base import Country, Entry, EntryQuerySet, check_order, unique_slug
from .search import search_text_field
from .sources import Citation
from .timestamps import TimestampedModel


class EnvoyQuerySet(EntryQuerySet):
    def listed(self):
        return self.published().select_related("sending_country")

    def for_items(self):
        return self.prefetch_related("appointments")


class Envoy(Entry):
    """A person sent by one country to the other."""

    class CareerStatus(models.TextChoices):
        CAREER = "career", _("Foreign Service officer")
        NON_CAREER = "non-career", _("political appointee")
        BOTH = "both", _("career and political appointments")
        PRE_1915 = "pre-1915", _("not classified (before 1915)")
        UNKNOWN = "", _("not stated")

    name = models.CharField(_("name"), max_length=200)
    sort_name = models.CharField(
        _("sort name"),
        max_length=200,
        db_index=True,
        help_text=_("Surname first: “Cooley, James”."),
    )
    sending_country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="envoys",
        verbose_name=_("sending country"),
    )
    birth_year = models.PositiveSmallIntegerField(_("born"), null=True, blank=True)
    death_year = models.PositiveSmallIntegerField(_("died"), null=True, blank=True)
    career_status = models.CharField(
        _("career status"), max_length=20, choices=CareerStatus.choices, blank=True
    )
    residence = models.CharField(_("state of residence"), max_length=100, blank=True)
    biography = models.TextField(_("biography"), blank=True)
    external_url = models.URLField(
        _("biographical record"),
        max_length=500,
        blank=True,
        help_text=_("The person's page in an authoritative register."),
    )
    search_text = search_text_field("name", "sort_name", "biography")

    objects = EnvoyQuerySet.as_manager()

    class Meta(Entry.Meta):
        ordering = ["sort_name", "slug"]
        verbose_name = _("envoy")
        verbose_name_plural = _("envoys")
        # The list, in its own order, read a page at a time rather than sorted whole.
        indexes = [
            *Entry.Meta.indexes,
            models.Index(fields=["status", "sort_name", "slug"], name="relations_envoy_by_name"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.birth_year and self.death_year and self.death_year < self.birth_year:
            raise ValidationError({"death_year": _("A person cannot die before being born.")})


def began(**options):
    """
    When an appointment began, as the database reads it: its appointment, else its arrival,
    else its presentation of credentials. Appointments are ordered by it, and the timeline
    dates them by it, from one index. ``options`` go to ``Coalesce`` (an ``output_field``).
    """
    return Coalesce("appointed", "arrived", "credentials_presented", **options)


def began_or_held():
    """
    When an appointment began (``began``), else when the time in post a source gives began,
    or, with no beginning, ended: the order of a post's envoys where some are known only by
    such a span (Peru's ambassadors from the persons lists).
    """
    return Coalesce(began(), "held_from", "held_to", output_field=PartialDateField())


class AppointmentQuerySet(models.QuerySet):
    def published(self):
        """Return the appointments the public may see: those of published envoys."""
        return self.filter(envoy__status=Entry.Status.PUBLISHED)

    def serving_during(self, year):
        """
        Return the appointments whose time in office overlaps ``year``.

        Time in office runs from the presentation of credentials (or, where that is not
        known, the appointment) to the end of mission; with no end of mission recorded the
        envoy is taken to be still in office. Nominees who never served are left out.
        """
        began = overlapping_years("credentials_presented", year_to=year) | (
            models.Q(credentials_presented__isnull=True) & overlapping_years("appointed", year_to=year)
        )
        not_yet_ended = overlapping_years("ended", year_from=year) | models.Q(ended__isnull=True)
        return self.filter(began & not_yet_ended, is_nominee_only=False)

    def in_post_on(self, day):
        """Return the appointments whose envoy was, or may have been, in post on ``day``."""
        return self.in_post_during(day, day)

    def in_post_during(self, first, last):
        """
        Return the appointments whose envoy was, or may have been, in post at some time from
        ``first`` to ``last``, each annotated with whether the sources' dates leave no doubt:
        ``began_certainly``, ``continued_certainly`` and both, ``certain``.

        Time in post runs from the presentation of credentials to the end of mission. Where the
        register has neither, a source's span of the time in post (``held_from``, ``held_to``)
        stands for them. Where no presentation is recorded, it may have begun from the
        appointment; where no end is recorded, it may have lasted until a later envoy of the
        same country to the same host began. Nominees who never served are left out.
        """
        presented = models.Q(credentials_presented__isnull=False)
        appointed = models.Q(appointed__isnull=False)
        held = models.Q(held_from__isnull=False)
        ended = models.Q(ended__isnull=False)
        held_to = models.Q(held_to__isnull=False)
        start = Coalesce("credentials_presented", "appointed", "held_from", output_field=PartialDateField())
        later_envoy = Appointment.objects.alias(later_start=start).filter(
            had_begun("later_start", first - datetime.timedelta(days=1)),
            mission__sending_country=OuterRef("mission__sending_country"),
            mission__host_country=OuterRef("mission__host_country"),
            is_nominee_only=False,
            later_start__gt=OuterRef("began_on"),
        )
        began = (
            (presented & may_have_begun("credentials_presented", last))
            | (~presented & appointed & may_have_begun("appointed", last))
            | (~presented & ~appointed & held & may_have_begun("held_from", last))
        )
        not_ended = (
            may_not_have_ended("ended", first)
            | (~ended & held_to & may_not_have_ended("held_to", first))
            | (~ended & ~held_to & ~Exists(later_envoy))
        )
        began_certainly = (presented & had_begun("credentials_presented", last)) | (
            ~presented & held & had_begun("held_from", last)
        )
        continued_certainly = (ended & had_not_ended("ended", first)) | (
            ~ended & held_to & had_not_ended("held_to", first)
        )
        return (
            self.alias(began_on=start)
            .filter(began, not_ended, is_nominee_only=False)
            .annotate(
                began_certainly=as_boolean(began_certainly),
                continued_certainly=as_boolean(continued_certainly),
                certain=as_boolean(began_certainly & continued_certainly),
            )
        )


class Appointment(TimestampedModel):
    """One appointment of an envoy to a post, with the dates of its course."""

    class Rank(models.TextChoices):
        CHARGE = "charge-d-affaires", _("chargé d’affaires")
        CHARGE_AD_INTERIM = "charge-d-affaires-ad-interim", _("chargé d’affaires ad interim")
        MINISTER_RESIDENT = "minister-resident", _("minister resident")
        MINISTER_PLENIPOTENTIARY = "minister-plenipotentiary", _("minister plenipotentiary")
        ENVOY = (
            "envoy-extraordinary-minister-plenipotentiary",
            _("envoy extraordinary and minister plenipotentiary"),
        )
        AMBASSADOR = (
            "ambassador-extraordinary-plenipotentiary",
            _("ambassador extraordinary and plenipotentiary"),
        )
        COMMISSIONER = "commissioner", _("commissioner")
        CONSUL = "consul", _("consul")
        # The titles a source gives without the rest of the rank: "Peruvian Ambassador to
        # the United States", "Peruvian Minister at Washington".
        AMBASSADOR_AS_STATED = "ambassador", _("ambassador")
        MINISTER_AS_STATED = "minister", _("minister")
        SPECIAL_EMISSARY = "special-emissary", _("special emissary")
        SPECIAL_ENVOY = "special-envoy", _("special envoy")

    class Outcome(models.TextChoices):
        LEFT_POST = "left-post", _("left post")
        RECALLED = "recalled", _("presented recall")
        DIED = "died", _("died at post")
        DIED_AWAY = "died-away", _("died away from post")
        PROMOTED = "promoted", _("promoted at post")
        SUPERSEDED = "superseded", pgettext_lazy("how a mission ended", "superseded")
        INTERRUPTED = "interrupted", _("relations interrupted")
        SUSPENDED = "suspended", _("relations suspended")
        RECALL_REQUESTED = "recall-requested", _("recall requested by the host government")
        RELINQUISHED = "relinquished", _("relinquished charge")
        DID_NOT_SERVE = "did-not-serve", _("did not serve")
        OTHER = "other", _("other")

    slug = models.SlugField(
        _("slug"),
        max_length=120,
        primary_key=True,
        blank=True,
        help_text=_("Left empty, it is made from the envoy and the year of appointment."),
    )
    envoy = models.ForeignKey(
        Envoy, on_delete=models.CASCADE, related_name="appointments", verbose_name=_("envoy")
    )
    mission = models.ForeignKey(
        "Mission",
        on_delete=models.PROTECT,
        related_name="appointments",
        verbose_name=_("post"),
    )
    rank = models.CharField(_("rank"), max_length=60, choices=Rank.choices, db_index=True)
    appointed = PartialDateField(_("appointed"), null=True, blank=True, db_index=True)
    appointed_note = models.CharField(_("appointment qualifier"), max_length=200, blank=True)
    arrived = PartialDateField(_("arrived"), null=True, blank=True)
    arrived_note = models.CharField(_("arrival qualifier"), max_length=200, blank=True)
    credentials_presented = PartialDateField(_("credentials presented"), null=True, blank=True, db_index=True)
    credentials_note = models.CharField(
        _("credentials qualifier"),
        max_length=200,
        blank=True,
        help_text=_("The source's words, e.g. “Officially recognized on”."),
    )
    ended = PartialDateField(_("end of mission"), null=True, blank=True, db_index=True)
    ended_note = models.CharField(
        _("end qualifier"),
        max_length=200,
        blank=True,
        help_text=_("The source's words, e.g. “Presented recall on”, “Died at post on”."),
    )
    outcome = models.CharField(_("how it ended"), max_length=20, choices=Outcome.choices, blank=True)
    # A source's span of the envoy's time in the post ("Ambassador to Peru from July 24,
    # 1956"): the persons lists of Foreign Relations of the United States give such spans,
    # and their first day is sometimes the appointment, sometimes the credentials, so it is
    # kept apart from both.
    held_from = PartialDateField(_("in post from"), null=True, blank=True)
    held_to = PartialDateField(_("in post to"), null=True, blank=True)
    held_note = models.CharField(
        _("in-post qualifier"),
        max_length=300,
        blank=True,
        help_text=_("The source's words for the span, e.g. “Ambassador to Peru from July 24, 1956”."),
    )
    is_nominee_only = models.BooleanField(
        _("nominee who did not serve"),
        default=False,
        help_text=_("Appointed or nominated, but never took up or completed the mission."),
    )
    note = models.TextField(_("note"), blank=True, help_text=_("The source's note, verbatim."))
    editorial_note = models.TextField(
        _("editorial note"),
        blank=True,
        help_text=_(
            "Why the preferred dates were chosen where sources differ, or how a derived date was reached."
        ),
    )
    citations = GenericRelation(Citation, related_query_name="appointment")

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        # In the order the appointments began; those with no date known come last.
        ordering = [
            began().asc(nulls_last=True),
            "slug",
        ]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        indexes = [
            models.Index(fields=["appointed", "ended"]),
            # The timeline's dates of appointments: when each began, in order.
            models.Index(began(), "slug", name="relations_appointment_began"),
        ]

    def __str__(self):
        return f"{self.envoy}, {self.get_rank_display()} ({self.appointed or '?'})"

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(f"{self.envoy_id} {self.start.year if self.start else ''}")
            self.slug = unique_slug(Appointment, base)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.envoy.get_absolute_url()}#{self.slug}"

    @property
    def start(self):
        """The first date known of this appointment."""
        return self.appointed or self.arrived or self.credentials_presented or self.held_from

    def clean(self):
        check_order(
            self,
            [
                (
                    "appointed",
                    "credentials_presented",
                    _("Credentials cannot be presented before the appointment."),
                ),
                ("appointed", "arrived", _("An envoy cannot arrive before being appointed.")),
                ("appointed", "ended", _("A mission cannot end before the appointment.")),
                (
                    "credentials_presented",
                    "ended",
                    _("A mission cannot end before credentials were presented."),
                ),
                ("held_from", "held_to", _("A time in post cannot end before it begins.")),
            ],
        )
