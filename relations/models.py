"""
The record of Peru–United States relations: events, envoys and their appointments,
diplomatic missions and agreements, each tied by citations to the sources that state it.

Every entry type has a slug for its primary key: the slug is the entry's natural key in
the fixtures and its stable public URL, so it does not change once the entry exists.
"""

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .partial_dates import PartialDate, PartialDateField


class Country(models.Model):
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

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name

    def clean(self):
        if self.existed_from and self.existed_to and self.existed_to < self.existed_from:
            raise ValidationError({"existed_to": _("A state cannot end before it began.")})


class Topic(models.Model):
    """A theme that cuts across entry types: trade, counter-narcotics, migration, ..."""

    slug = models.SlugField(_("slug"), max_length=80, primary_key=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class TimestampedModel(models.Model):
    """
    When a row was created and last saved.

    Plain defaults rather than ``auto_now``, so that fixtures, which leave the timestamps
    out, load with ``loaddata`` too.
    """

    created = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated = models.DateTimeField(_("updated"), default=timezone.now, editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.updated = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "updated"}
        super().save(*args, **kwargs)


class Source(TimestampedModel):
    """A publication that states facts: a web page, a fact sheet, a book, a dataset."""

    class Kind(models.TextChoices):
        WEB_PAGE = "web-page", _("web page")
        FACT_SHEET = "fact-sheet", _("government fact sheet")
        BOOK = "book", _("book")
        ARTICLE = "article", _("article")
        DATASET = "dataset", _("dataset")
        ENCYCLOPEDIA = "encyclopedia", _("encyclopedia article")

    slug = models.SlugField(_("slug"), max_length=100, primary_key=True)
    title = models.CharField(_("title"), max_length=300)
    author = models.CharField(_("author"), max_length=300, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    archive_url = models.URLField(_("archived copy"), max_length=500, blank=True)
    published_on = PartialDateField(_("published"), null=True, blank=True)
    accessed_on = models.DateField(_("accessed"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What the source is, its edition or revision, and how far to trust it."),
    )

    class Meta:
        ordering = ["title", "slug"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("relations:source-detail", args=[self.slug])


class CitationManager(models.Manager):
    def get_by_natural_key(self, app_label, model, object_id, position):
        content_type = ContentType.objects.get_by_natural_key(app_label, model)
        return self.get(content_type=content_type, object_id=object_id, position=position)


class Citation(models.Model):
    """
    One source's support for one entry, optionally for one claim of it.

    Citations for the same claim of an entry that give different values are the record of
    a disagreement between sources; the entry's own field holds the preferred value.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=100)
    entry = GenericForeignKey("content_type", "object_id")
    position = models.PositiveSmallIntegerField(
        _("note number"),
        blank=True,
        help_text=_("The footnote number on the entry's page; left empty, it comes last."),
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="citations", verbose_name=_("source")
    )
    locator = models.CharField(
        _("locator"),
        max_length=300,
        help_text=_("Where in the source: page, section, paragraph or record id."),
    )
    quotation = models.TextField(_("quotation"), help_text=_("The source's own words."))
    claim = models.CharField(
        _("claim"),
        max_length=50,
        blank=True,
        help_text=_("The field this citation supports, e.g. “date”; empty for the entry as a whole."),
    )
    value = models.CharField(
        _("value given"),
        max_length=300,
        blank=True,
        help_text=_("What the source gives for the claim, where it differs or may differ."),
    )

    objects = CitationManager()

    class Meta:
        ordering = ["content_type", "object_id", "position"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "position"], name="citation_unique_position"
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"[{self.position}] {self.source}, {self.locator}"

    def save(self, *args, **kwargs):
        if self.position is None:
            siblings = Citation.objects.filter(content_type=self.content_type_id, object_id=self.object_id)
            self.position = (siblings.aggregate(last=Max("position"))["last"] or 0) + 1
        super().save(*args, **kwargs)

    def clean(self):
        model = self.content_type.model_class() if self.content_type_id else None
        if model and self.claim and self.claim not in citable_claims(model):
            raise ValidationError(
                {
                    "claim": _("“%(claim)s” is not a field of %(model)s; use one of: %(claims)s.")
                    % {
                        "claim": self.claim,
                        "model": model._meta.verbose_name,
                        "claims": ", ".join(sorted(citable_claims(model))),
                    }
                }
            )
        if model and self.object_id and not model._default_manager.filter(pk=self.object_id).exists():
            raise ValidationError(
                _("The %(model)s “%(id)s” that this citation is for does not exist.")
                % {"model": model._meta.verbose_name, "id": self.object_id}
            )
        if self.value and not self.claim:
            raise ValidationError({"claim": _("Say which claim the value given is for.")})

    def natural_key(self):
        return (*self.content_type.natural_key(), self.object_id, self.position)

    natural_key.dependencies = ["contenttypes.contenttype", "relations.source"]


def citable_claims(model):
    """The names a citation's claim may take for an entry of ``model``."""
    hidden = {"slug", "status", "created", "updated", "citations", "editorial_note"}
    return {
        field.name
        for field in model._meta.get_fields()
        if field.name not in hidden and not field.name.endswith("_ptr")
    }


class EntryQuerySet(models.QuerySet):
    def published(self):
        """Return the entries the public may see."""
        return self.filter(status=Entry.Status.PUBLISHED)


class Entry(TimestampedModel):
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
        help_text=_("Why the preferred values were chosen where sources differ."),
    )
    citations = GenericRelation(Citation, related_query_name="%(class)s")

    objects = EntryQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_absolute_url(self):
        return reverse(f"relations:{self._meta.model_name}-detail", args=[self.slug])

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
    date = PartialDateField(_("date"), db_index=True)
    end_date = PartialDateField(_("end date"), null=True, blank=True, db_index=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, db_index=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="events", verbose_name=_("topics"))
    summary = models.CharField(_("summary"), max_length=500)
    body = models.TextField(_("body"), blank=True)
    envoys = models.ManyToManyField("Envoy", blank=True, related_name="events", verbose_name=_("envoys"))
    missions = models.ManyToManyField(
        "Mission", blank=True, related_name="events", verbose_name=_("missions")
    )
    agreements = models.ManyToManyField(
        "Agreement", blank=True, related_name="events", verbose_name=_("agreements")
    )

    class Meta:
        ordering = ["date", "title", "slug"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["status", "date"])]

    def __str__(self):
        return f"{self.date}: {self.title}" if self.date else self.title

    def clean(self):
        check_order(self, [("date", "end_date", _("An event cannot end before it starts."))])


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

    class Meta:
        ordering = ["sort_name", "slug"]
        verbose_name = _("envoy")
        verbose_name_plural = _("envoys")

    def __str__(self):
        return self.name

    def clean(self):
        if self.birth_year and self.death_year and self.death_year < self.birth_year:
            raise ValidationError({"death_year": _("A person cannot die before being born.")})


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

    class Meta:
        ordering = ["sending_country", "name", "slug"]
        verbose_name = _("mission")
        verbose_name_plural = _("missions")

    def __str__(self):
        return self.name

    def clean(self):
        check_order(self, [("opened", "closed", _("A mission cannot close before it opens."))])
        if self.predecessor_id and self.predecessor_id == self.slug:
            raise ValidationError({"predecessor": _("A mission cannot grow from itself.")})


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
        SUPERSEDED = "superseded", _("superseded")
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
        Mission,
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
        help_text=_("Why the preferred dates were chosen where sources differ."),
    )
    citations = GenericRelation(Citation, related_query_name="appointment")

    class Meta:
        ordering = ["appointed", "slug"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        indexes = [models.Index(fields=["appointed", "ended"])]

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

    title = models.CharField(_("title"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    parties = models.ManyToManyField(
        Country, related_name="agreements", verbose_name=_("parties"), blank=True
    )
    signed = PartialDateField(_("signed"), null=True, blank=True, db_index=True)
    place_signed = models.CharField(_("place signed"), max_length=200, blank=True)
    in_force = PartialDateField(_("entered into force"), null=True, blank=True)
    ended = PartialDateField(_("ended"), null=True, blank=True)
    agreement_status = models.CharField(
        _("status"), max_length=20, choices=AgreementStatus.choices, db_index=True
    )
    summary = models.TextField(_("summary"), blank=True)
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

    class Meta:
        ordering = ["signed", "title", "slug"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self):
        return self.short_name or self.title

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


class LoadedState(models.Model):
    """
    What an entry held, with its parts, when it was last loaded, imported or exported.

    Outside data (the fixtures, the Office of the Historian's repositories) is compared with
    this and with the entry as it is now: an entry that differs from its loaded state was
    changed by an editor since, and is left as the editor made it (see ``relations.baselines``).
    """

    model = models.CharField(_("model"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=120)
    content = models.JSONField(_("content"))
    recorded = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("loaded state")
        verbose_name_plural = _("loaded states")
        constraints = [
            models.UniqueConstraint(fields=["model", "object_id"], name="one_loaded_state_per_entry")
        ]

    def __str__(self):
        return f"{self.model} “{self.object_id}”"
