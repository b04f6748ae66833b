"""Treaties and agreements between the two countries, and each party's ratification."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..partial_dates import PartialDate, PartialDateField
from ..spans import as_boolean, had_begun, had_not_ended, may_have_begun, may_not_have_ended
from .base import Country, Entry, EntryQuerySet, Topic, check_order
from .search import search_text_field


class AgreementQuerySet(EntryQuerySet):
    def in_force_on(self, day):
        """Return the agreements that were, or may have been, in force on ``day``; see ``in_force_during``."""
        return self.in_force_during(day, day)

    def in_force_during(self, first, last):
        """
        Return the agreements that were, or may have been, in force at some time from ``first``
        to ``last``, annotated with ``began_certainly``, ``continued_certainly`` and ``certain``
        as ``Appointment.objects.in_post_during`` is.

        An agreement is in force from its entry into force to its end. Where no entry into force
        is recorded but its status says it came into force, it may have done so from its
        signing. With no end recorded it is certainly in force still only where its status
        says that it is in force; else it may have ended at any time, unrecorded. One only
        signed is left out.
        """
        entered = Q(in_force__isnull=False)
        came_into_force = ~Q(agreement_status=Agreement.AgreementStatus.SIGNED) & Q(signed__isnull=False)
        began = (entered & may_have_begun("in_force", last)) | (
            ~entered & came_into_force & may_have_begun("signed", last)
        )
        open_ended = Q(ended__isnull=True)
        began_certainly = entered & had_begun("in_force", last)
        stated_in_force = Q(agreement_status=Agreement.AgreementStatus.IN_FORCE)
        continued_certainly = had_not_ended("ended", first) | (open_ended & stated_in_force)
        return self.filter(began, may_not_have_ended("ended", first) | open_ended).annotate(
            began_certainly=as_boolean(began_certainly),
            continued_certainly=as_boolean(continued_certainly),
            certain=as_boolean(began_certainly & continued_certainly),
        )


class Agreement(Entry):
    class Kind(models.TextChoices):
        TREATY = "treaty", _("treaty")
        TRADE = "trade-agreement", _("trade agreement")
        EXECUTIVE = "executive-agreement", _("executive agreement")
        MOU = "memorandum", _("memorandum of understanding")
        MULTILATERAL = "multilateral", _("multilateral pact")
        LEGISLATION = "legislation", _("legislation")

    class AgreementStatus(models.TextChoices):
        SIGNED = "signed", _("signed")
        IN_FORCE = "in-force", _("in force")
        TERMINATED = "terminated", _("terminated")
        SUPERSEDED = "superseded", _("superseded")
        EXPIRED = "expired", _("expired")

    # The statuses that say the agreement is no longer in force.
    ENDED_STATUSES = {AgreementStatus.TERMINATED, AgreementStatus.SUPERSEDED, AgreementStatus.EXPIRED}

    title = models.CharField(_("title"), max_length=300)
    title_es = models.CharField(
        _("title in Spanish"), max_length=300, blank=True, help_text=_("The site's translation.")
    )
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        blank=True,
        db_index=True,
        help_text=_("Empty where no source says what kind of instrument it is."),
    )
    parties = models.ManyToManyField(
        Country, related_name="agreements", verbose_name=_("parties"), blank=True
    )
    signed = PartialDateField(pgettext_lazy("date", "signed"), null=True, blank=True, db_index=True)
    place_signed = models.CharField(_("place signed"), max_length=200, blank=True)
    in_force = PartialDateField(_("entered into force"), null=True, blank=True)
    ended = PartialDateField(_("ended"), null=True, blank=True)
    agreement_status = models.CharField(
        _("status"),
        max_length=20,
        choices=AgreementStatus.choices,
        blank=True,
        db_index=True,
        help_text=_("Empty where no source says where the agreement stands."),
    )
    summary = models.TextField(_("summary"), blank=True)
    summary_es = models.TextField(_("summary in Spanish"), blank=True, help_text=_("The site's translation."))
    text_url = models.URLField(_("text"), max_length=500, blank=True)
    amends = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="amended_by",
        verbose_name=_("amends or supersedes"),
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="agreements", verbose_name=_("topics"))
    search_text = search_text_field("title", "title_es", "short_name", "summary", "summary_es")

    objects = AgreementQuerySet.as_manager()

    class Meta(Entry.Meta):
        ordering = [models.F("signed").asc(nulls_last=True), "title", "slug"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        # The list, in its own order, read a page at a time rather than sorted whole (undated
        # agreements last: PostgreSQL's ascending index puts them there, SQLite reads them after).
        indexes = [
            *Entry.Meta.indexes,
            models.Index(fields=["status", "signed", "title", "slug"], name="relations_agreement_by_signed"),
        ]

    def __str__(self):
        return self.short_name or self.title

    @property
    def status_says_ended(self):
        """True if its status says that it is no longer in force, whether or not its end is dated."""
        return self.agreement_status in self.ENDED_STATUSES

    def clean(self):
        check_order(
            self,
            [
                (
                    "signed",
                    "in_force",
                    _("An agreement cannot enter into force before it is signed."),
                ),
                ("signed", "ended", _("An agreement cannot end before it is signed.")),
                ("in_force", "ended", _("An agreement cannot end before it enters into force.")),
            ],
        )
        if self.amends_id and self.amends_id == self.slug:
            raise ValidationError({"amends": _("An agreement cannot amend itself.")})


class RatificationManager(models.Manager):
    def get_by_natural_key(self, agreement, country):
        return self.get(agreement=agreement, country=country)


class Ratification(models.Model):
    """One party's ratification (or legislative approval) of an agreement."""

    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.CASCADE,
        related_name="ratifications",
        verbose_name=_("agreement"),
    )
    country = models.ForeignKey(Country, on_delete=models.PROTECT, verbose_name=_("country"))
    date = PartialDateField(_("date"))
    body = models.CharField(_("by"), max_length=200, blank=True, help_text=_("E.g. “the Peruvian Congress”."))
    editorial_note = models.TextField(
        _("editorial note"),
        blank=True,
        help_text=_("Why the preferred date was chosen, or how a derived date was reached."),
    )

    objects = RatificationManager()

    class Meta:
        ordering = ["agreement", "date", "country"]
        verbose_name = _("ratification")
        verbose_name_plural = _("ratifications")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "country"], name="one_ratification_per_party")
        ]

    def __str__(self):
        return f"{self.country}: {self.date}"

    def natural_key(self):
        return (self.agreement_id, self.country_id)

    natural_key.dependencies = ["relations.agreement", "relations.country"]

    def clean(self):
        agreement = getattr(self, "agreement", None)
        signed = agreement.signed if agreement else None
        if (
            isinstance(signed, PartialDate)
            and isinstance(self.date, PartialDate)
            and self.date.latest() < signed.earliest()
        ):
            raise ValidationError({"date": _("An agreement cannot be ratified before it is signed.")})
