"""
What every part of the record shares: countries and topics, timestamps, and the entry
with its slug, publication state and citations.

Every entry type has a slug for its primary key: the slug is the entry's natural key in
the fixtures and its stable public URL, so it does not change once the entry exists.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ..partial_dates import PartialDate
from .sources import Citation
from .timestamps import TimestampedModel


class Translated:
    """
    A row whose texts have the site's Spanish versions beside them, in ``<field>_es`` fields.

    Its own texts are the site's English; a page in Spanish shows the Spanish version where
    there is one and otherwise the English, marked as English.
    """

    def translated(self, field):
        """
        Return ``field`` in the active language where the site has it, and the language it is
        in. A field with no Spanish version at all (a person's name) is in every language.
        """
        language = (get_language() or "en")[:2]
        if not hasattr(self, f"{field}_es"):
            return getattr(self, field), language
        if language == "es" and getattr(self, f"{field}_es"):
            return getattr(self, f"{field}_es"), "es"
        return getattr(self, field), "en"

    @classmethod
    def translatable_fields(cls):
        """The fields that have the site's Spanish versions beside them: ["title", "summary"]."""
        return [f.name.removesuffix("_es") for f in cls._meta.fields if f.name.endswith("_es")]

    @classmethod
    def translation_fields(cls):
        """What ``shown_in_translation`` reads: each translatable field and its Spanish version."""
        return [name for field in cls.translatable_fields() for name in (field, f"{field}_es")]

    def shown_in_translation(self, fields=None):
        """
        The fields (of ``fields``, else of all) that the active language shows in the site's
        translation: ["title", "summary"].
        """
        asked = [field for field in self.translatable_fields() if fields is None or field in fields]
        return [field for field in asked if self.translated(field)[1] != "en"]


class CountryQuerySet(models.QuerySet):
    def named_by(self, rows, field):
        """
        Return the countries that one or more of ``rows`` (a queryset) names in ``field``:
        each looked up by the index of ``field``, not by joining every row.
        """
        return self.filter(models.Exists(rows.filter(**{field: models.OuterRef("pk")})))


class Country(Translated, models.Model):
    """A state party to the relations, historical states included."""

    code = models.SlugField(
        _("code"),
        max_length=20,
        primary_key=True,
        help_text=_("Lower-case ISO 3166 code where one exists (“us”, “pe”)."),
    )
    name = models.CharField(_("name"), max_length=100, unique=True)
    name_es = models.CharField(_("name in Spanish"), max_length=100)
    iso_code = models.CharField(
        _("ISO 3166 code"),
        max_length=2,
        blank=True,
        help_text=_("Empty for historical states that have none."),
    )
    existed_from = models.PositiveSmallIntegerField(_("existed from (year)"), null=True, blank=True)
    existed_to = models.PositiveSmallIntegerField(_("existed to (year)"), null=True, blank=True)

    objects = CountryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        # In the active language: filters, choices and the admin name a country as the page does.
        return self.translated("name")[0]

    def clean(self):
        if self.existed_from and self.existed_to and self.existed_to < self.existed_from:
            raise ValidationError({"existed_to": _("A state cannot end before it began.")})


class Topic(Translated, models.Model):
    """A theme that cuts across entry types: trade, counter-narcotics, migration, ..."""

    slug = models.SlugField(_("slug"), max_length=80, primary_key=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    name_es = models.CharField(_("name in Spanish"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.translated("name")[0]


def content_now():
    """
    Now, to the second: how ``last_changed`` is dated. The fixtures and the stored versions
    keep no finer time than that, so an entry exported and loaded again is unchanged.
    """
    return timezone.now().replace(microsecond=0)


class EntryQuerySet(models.QuerySet):
    def published(self):
        """Return the entries the public may see."""
        return self.filter(status=Entry.Status.PUBLISHED)

    def listed(self):
        """Return the published entries, with the rows a list shows joined in (see ``for_items``)."""
        return self.published()

    def for_items(self):
        """
        These entries with what a list's item shows of each besides its row: related rows,
        worked-out values. ``listed()`` leaves them out, for a list page fetches them only for
        the items it renders anew (relations/fragments.py), and search for the few results it
        shows; a list's counts and keys are read without them.
        """
        return self


class Entry(Translated, TimestampedModel):
    """What every entry type has: a stable slug, a publication state and citations."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    slug = models.SlugField(
        _("slug"),
        max_length=120,
        primary_key=True,
        help_text=_("The entry's address on the site; it cannot change once saved."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    editorial_note = models.TextField(
        _("editorial note"),
        blank=True,
        help_text=_(
            "Why the preferred values were chosen where sources differ, and how any derived date was reached."
        ),
    )
    last_changed = models.DateTimeField(
        _("content last changed"),
        default=content_now,
        editable=False,
        db_index=True,
        help_text=_(
            "When the entry's content (its fields, citations and parts) last changed. Part of the "
            "content, kept by the fixtures, unlike the timestamps of each database's rows."
        ),
    )
    citations = GenericRelation(Citation, related_query_name="%(class)s")

    objects = EntryQuerySet.as_manager()

    class Meta:
        abstract = True
        # What the home page and the feed ask for: the entries changed last, in that order.
        indexes = [models.Index(fields=["last_changed", "updated"], name="%(app_label)s_%(class)s_changed")]

    def get_absolute_url(self):
        return reverse(f"relations:{self._meta.model_name}-detail", args=[self.slug])

    def note_content_changed(self, when=None):
        """Record that the entry's content, or that of one of its parts, changed ``when`` (now)."""
        self.last_changed = when or content_now()
        self.save(update_fields=["last_changed"])

    def is_published(self):
        """Return True if the entry is publicly visible."""
        return self.status == Entry.Status.PUBLISHED


def unique_slug(model, base):
    """Return ``base``, or ``base-2``, ``base-3``..., whichever no ``model`` row has yet."""
    slug, number = base, 1
    while model.objects.filter(pk=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def check_order(instance, pairs):
    """
    Raise a ValidationError for each (earlier, later) pair of partial-date fields out of order.

    Two dates are out of order only when the later one certainly falls before the earlier
    one: "1838" is not before "1838-06-02".
    """
    errors = {}
    for earlier, later, message in pairs:
        start, end = getattr(instance, earlier), getattr(instance, later)
        if (
            isinstance(start, PartialDate)
            and isinstance(end, PartialDate)
            and end.latest() < start.earliest()
        ):
            errors[later] = message
    if errors:
        raise ValidationError(errors)
