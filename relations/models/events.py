"""Events in the relations: what happened, when (to the precision known), and who took part."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..partial_dates import BY, OR_LATER, QUALIFIER_MARKS, PartialDateField
from ..spans import as_boolean, had_begun, had_not_ended, may_have_begun, may_not_have_ended
from .base import Entry, EntryQuerySet, Topic, check_order
from .search import search_text_field


def one_bound_condition():
    """
    Whether an event is dated only by a bound on one side: "by 2022" (no later than the
    document that mentions it) with nothing to say how much earlier, or "1963 or later" with
    nothing to say how much later.
    """
    no_earlier_bound = Q(date__endswith=QUALIFIER_MARKS[BY])
    no_later_bound = Q(end_date__endswith=QUALIFIER_MARKS[OR_LATER]) | Q(
        end_date__isnull=True, date__endswith=QUALIFIER_MARKS[OR_LATER]
    )
    return no_earlier_bound | no_later_bound


class EventQuerySet(EntryQuerySet):
    def happening_during(self, first, last):
        """
        Return the events whose date, or span, falls or may fall within ``first`` to ``last``,
        annotated with ``certain``: True for those that certainly did, not only "in 1838" for
        a month of it. An event with no end date lasts its date's whole period.

        Events dated by one bound alone (``one_bound_condition``) are left out where they only
        may fall within the period: they may fall within any period on one side of the bound,
        however far, and a page of 1826 would list as possibly then an event known only to
        have happened by 2022. A span still counts where it certainly runs: "1960 to 1963 or
        later" in 1961.
        """
        one_date = Q(end_date__isnull=True)
        not_ended = (one_date & may_not_have_ended("date", first)) | (
            ~one_date & may_not_have_ended("end_date", first)
        )
        certainly_within = (one_date & had_not_ended("date", first)) | (
            ~one_date & had_not_ended("end_date", first)
        )
        certain = had_begun("date", last) & certainly_within
        return (
            self.filter(may_have_begun("date", last), not_ended)
            .annotate(certain=as_boolean(certain))
            .exclude(Q(certain=False) & one_bound_condition())
        )


class Event(Entry):
    class Category(models.TextChoices):
        DIPLOMATIC = "diplomatic", _("diplomatic")
        POLITICAL = "political", _("political")
        TRADE = "trade", _("trade and economy")
        SECURITY = "security", _("security and defence")
        COUNTER_NARCOTICS = "counter-narcotics", _("counter-narcotics")
        VISIT = "visit", _("visit")
        DEVELOPMENT = "development", _("development and aid")
        CULTURE = "culture", _("culture and education")
        HEALTH = "health", _("health and humanitarian")
        CONFLICT = "conflict", _("war and conflict")

    title = models.CharField(_("title"), max_length=300)
    title_es = models.CharField(
        _("title in Spanish"), max_length=300, blank=True, help_text=_("The site's translation.")
    )
    date = PartialDateField(_("date"), db_index=True)
    end_date = PartialDateField(_("end date"), null=True, blank=True, db_index=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, db_index=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="events", verbose_name=_("topics"))
    summary = models.CharField(_("summary"), max_length=500)
    summary_es = models.CharField(
        _("summary in Spanish"), max_length=500, blank=True, help_text=_("The site's translation.")
    )
    body = models.TextField(_("body"), blank=True)
    envoys = models.ManyToManyField("Envoy", blank=True, related_name="events", verbose_name=_("envoys"))
    missions = models.ManyToManyField(
        "Mission", blank=True, related_name="events", verbose_name=_("missions")
    )
    agreements = models.ManyToManyField(
        "Agreement", blank=True, related_name="events", verbose_name=_("agreements")
    )
    search_text = search_text_field("title", "title_es", "summary", "summary_es", "body")

    objects = EventQuerySet.as_manager()

    class Meta(Entry.Meta):
        ordering = ["date", "title", "slug"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            *Entry.Meta.indexes,
            models.Index(fields=["status", "date"]),
            # The home page's key dates: the published events of one category, in order.
            models.Index(fields=["status", "category", "date"], name="relations_event_by_category"),
        ]

    def __str__(self):
        return f"{self.date}: {self.title}" if self.date else self.title

    def clean(self):
        check_order(self, [("date", "end_date", _("An event cannot end before it starts."))])
