"""Diplomatic and consular posts of each country in the other, and what they grew from."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from ..partial_dates import PartialDateField
from ..spans import as_boolean, had_begun, had_not_ended, may_have_begun, may_not_have_ended
from .base import Country, Entry, EntryQuerySet, check_order
from .search import search_text_field
from .sources import Citation


def became_another_condition():
    """Whether a published post grew from the post: the legation that became an embassy."""
    return Exists(Mission.objects.published().filter(predecessor=OuterRef("pk")))


def stating_open():
    """The citations of the post that state it as current: open when its source was written."""
    return Citation.objects.filter(mission=OuterRef("pk"), current=True)


def open_now_condition():
    """
    Whether the post is open still, as far as the sources say: no closing date is recorded,
    a source states that it is open (a citation "stated as current"), and no other post grew
    from it. A post dated only by its opening may have closed on a day not recorded, or
    become another, as a legation became an embassy; nothing then says that it is open.
    """
    return models.Q(closed__isnull=True) & Exists(stating_open()) & ~became_another_condition()


class MissionQuerySet(EntryQuerySet):
    def listed(self):
        return self.published().select_related("sending_country", "host_country")

    def for_items(self):
        """
        Each post with ``open_now``, whether it is open still as far as the sources say, and
        ``open_as_of``: the date of the latest source that states it open, which it is open
        as of (None for an undated source).
        """
        latest_stating = (
            stating_open()
            .order_by(F("source__published_on").desc(nulls_last=True))
            .values("source__published_on")[:1]
        )
        return self.annotate(
            open_now=as_boolean(open_now_condition()),
            open_as_of=Subquery(latest_stating, output_field=PartialDateField()),
        )

    def open_now(self):
        """Return the posts open still, as far as the sources say."""
        return self.filter(open_now_condition())

    def closed(self):
        """Return the posts whose closing is recorded."""
        return self.filter(closed__isnull=False)

    def closing_not_recorded(self):
        """Return the posts with no closing recorded that no source states open still."""
        return self.filter(models.Q(closed__isnull=True) & ~open_now_condition())

    def open_during(self, first, last):
        """
        Return the posts that were, or may have been, open at some time from ``first`` to
        ``last``, annotated with ``began_certainly``, ``continued_certainly`` and ``certain``
        as ``Appointment.objects.in_post_during`` is, and with ``became_another``: whether
        a published post grew from it.

        A post with no closing date is certainly open until ``last`` only where it is open
        now (``open_now_condition()``); else it may have closed on any later day. Posts with
        no opening date recorded are left out: nothing says from when they were open.
        """
        began_certainly = had_begun("opened", last)
        continued_certainly = had_not_ended("closed", first) | open_now_condition()
        return self.filter(
            models.Q(opened__isnull=False),
            may_have_begun("opened", last),
            may_not_have_ended("closed", first) | models.Q(closed__isnull=True),
        ).annotate(
            became_another=became_another_condition(),
            began_certainly=as_boolean(began_certainly),
            continued_certainly=as_boolean(continued_certainly),
            certain=as_boolean(began_certainly & continued_certainly),
        )


class Mission(Entry):
    """A diplomatic or consular post of one country in the other."""

    class Kind(models.TextChoices):
        EMBASSY = "embassy", _("embassy")
        LEGATION = "legation", _("legation")
        CONSULATE_GENERAL = "consulate-general", _("consulate-general")
        CONSULATE = "consulate", _("consulate")
        CONSULAR_AGENCY = "consular-agency", _("consular agency")
        SPECIAL_MISSION = "special-mission", _("special mission")

    name = models.CharField(_("name"), max_length=200)
    name_es = models.CharField(
        _("name in Spanish"), max_length=200, blank=True, help_text=_("The site's translation.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    sending_country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="missions_sent",
        verbose_name=_("sending country"),
    )
    host_country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="missions_hosted",
        verbose_name=_("host country"),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    opened = PartialDateField(_("opened"), null=True, blank=True, db_index=True)
    closed = PartialDateField(_("closed"), null=True, blank=True, db_index=True)
    predecessor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
        verbose_name=_("grew from"),
        help_text=_("The post this one replaced, e.g. the legation that became an embassy."),
    )
    summary = models.TextField(_("summary"), blank=True)
    summary_es = models.TextField(_("summary in Spanish"), blank=True, help_text=_("The site's translation."))
    search_text = search_text_field("name", "name_es", "city", "summary", "summary_es")

    objects = MissionQuerySet.as_manager()

    class Meta(Entry.Meta):
        # By the sending country's code (Peru's posts, then the United States'), which the
        # list's index holds, rather than by its name, which only a join could sort by.
        ordering = ["sending_country_id", "name", "slug"]
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        # The list, in its own order, read a page at a time rather than sorted whole.
        indexes = [
            *Entry.Meta.indexes,
            models.Index(
                fields=["status", "sending_country", "name", "slug"], name="relations_mission_by_sender"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def gives_time_in_post(self):
        """True if a source gives the time in post (``held_from``, ``held_to``) of one of its envoys."""
        return any(appointment.held_from or appointment.held_to for appointment in self.appointments.all())

    def clean(self):
        check_order(self, [("opened", "closed", _("A mission cannot close before it opens."))])
        if self.predecessor_id and self.predecessor_id == self.slug:
            raise ValidationError({"predecessor": _("A mission cannot grow from itself.")})
