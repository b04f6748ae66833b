"""
Sources and citations: the publications that state facts, and one source's support for
one entry (or one claim of it) in the source's own words.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, Max, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..partial_dates import PartialDateField
from .search import search_text_field
from .timestamps import TimestampedModel


class SourceQuerySet(models.QuerySet):
    def published(self):
        """Return the sources the public may see: every one, for every fact cites one."""
        return self.all()

    def listed(self):
        return self.published()

    def for_items(self):
        """As ``EntryQuerySet.for_items``: an item of the list of sources shows the source's row alone."""
        return self


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
    published_on = PartialDateField(pgettext_lazy("date", "published"), null=True, blank=True)
    accessed_on = models.DateField(_("accessed"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_(
            "What the source is, its edition or revision, how far to trust it, and whether a copy "
            "of its text is stored here (and why, or why not)."
        ),
    )
    text = models.TextField(
        _("stored text"),
        blank=True,
        help_text=_(
            "A copy of the source's text, where its terms allow, against which the site checks "
            "every quotation of it."
        ),
    )
    search_text = search_text_field("title", "author", "publisher", "description")
    text_interleaved = models.BooleanField(
        _("text has other material inlined"),
        default=False,
        help_text=_(
            "The stored copy interrupts the source's sentences with whole lines of other text "
            "(a mirror's link previews): a quotation may then run on across them."
        ),
    )

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["title", "slug"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        # The list, in its own order, read a page at a time rather than sorted whole.
        indexes = [models.Index(fields=["title", "slug"], name="relations_source_by_title")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("relations:source-detail", args=[self.slug])


class CitationQuerySet(models.QuerySet):
    def published(self):
        """Return the citations the public may see: those of published entries and appointments."""
        from . import CITED_MODELS

        visible = models.Q()
        types = ContentType.objects.get_for_models(*CITED_MODELS)
        for model in CITED_MODELS:
            # Each citation's entry looked up by its key, rather than every published entry
            # gathered first: a page of one source's citations reads those entries alone.
            public = model.objects.published().filter(pk=OuterRef("object_id"))
            visible |= models.Q(content_type=types[model]) & Exists(public)
        return self.filter(visible)


class CitationManager(models.Manager.from_queryset(CitationQuerySet)):
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
    current = models.BooleanField(
        _("stated as current"),
        default=False,
        help_text=_(
            "The source gives this as true at the time it was written (“the current ambassador”, "
            "“visit annually”): the page shows it as of the source's date."
        ),
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
                        "claims": ", ".join(citable_claims(model)),
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
    """
    The fields of ``model`` a citation may support, by name, with their labels, in the
    order of the model. Rows that point at the entry and are cited themselves (an envoy's
    appointments, a mission's successors) are not claims of it: successive holders of a
    post are appointments in order, never values of one claim.
    """
    hidden = {"slug", "status", "created", "updated", "citations", "editorial_note", "search_text"}
    return {
        field.name: claim_label(field)
        for field in model._meta.get_fields()
        if field.name not in hidden and not field.name.endswith("_es") and is_claim(field)
    }


def is_claim(field):
    """
    Whether a citation may support ``field``: a field of the entry's own, or its parts that
    carry no citations of their own (an agreement's ratifications).
    """
    if field.concrete or (field.many_to_many and not field.auto_created):
        return True
    return field.one_to_many and field.auto_created and not hasattr(field.related_model, "citations")


def claim_label(field):
    if hasattr(field, "verbose_name"):
        return field.verbose_name
    return field.related_model._meta.verbose_name_plural
