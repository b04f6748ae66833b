"""
What editors see of each kind of entry: lists with search and filters, change forms with
citations inline, related entries by autocomplete, and the slug fixed once an entry exists.
"""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .. import revisions
from ..models import (
    Agreement,
    Appointment,
    Country,
    Entry,
    Envoy,
    Event,
    Mission,
    Ratification,
    Source,
    Topic,
)
from .changes import ContentChangeMixin
from .citations import CitationInline
from .history import RevisionAdmin


class SlugFixedOnChangeMixin:
    """The slug is the entry's stable address: set when created, read-only afterwards."""

    slug_from = ()

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "slug"] if obj is not None else readonly

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": self.slug_from} if obj is None and self.slug_from else {}


class EntryAdmin(ContentChangeMixin, SlugFixedOnChangeMixin, RevisionAdmin):
    """What every entry type's admin has: citations inline, publication state, history."""

    inlines = [CitationInline]
    list_filter = ["status"]
    list_per_page = 50

    class Media:
        css = {"all": ["admin-extra/entries.css"]}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in {"summary", "summary_es"} and isinstance(db_field, models.CharField):
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "maxlength": db_field.max_length})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    readonly_fields = ["created", "updated"]
    save_on_top = True
    actions = ["make_draft"]

    @admin.action(description=_("Unpublish the selected entries (make them drafts)"))
    def make_draft(self, request, queryset):
        published = queryset.filter(status=Entry.Status.PUBLISHED)
        with revisions.recording(gettext("Made a draft."), request.user):
            for entry in published:
                entry.status = Entry.Status.DRAFT
                entry.save(update_fields=["status"])
        count = len(published)
        self.message_user(
            request,
            ngettext("%(count)d entry is now a draft.", "%(count)d entries are now drafts.", count)
            % {"count": count},
        )

    @admin.display(description=_("citations"))
    def citation_count(self, obj):
        return obj.citation_total

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(citation_total=Count("citations"))


@admin.register(Country)
class CountryAdmin(RevisionAdmin):
    list_display = ["name", "name_es", "code", "iso_code", "existed_from", "existed_to"]
    search_fields = ["name", "name_es", "code"]


@admin.register(Topic)
class TopicAdmin(SlugFixedOnChangeMixin, RevisionAdmin):
    list_display = ["name", "name_es", "slug"]
    search_fields = ["name", "name_es", "description"]
    slug_from = ("name",)


@admin.register(Source)
class SourceAdmin(SlugFixedOnChangeMixin, RevisionAdmin):
    list_display = ["title", "publisher", "kind", "published_on", "language"]
    list_filter = ["kind", "language"]
    search_fields = ["title", "author", "publisher", "url", "description"]
    readonly_fields = ["created", "updated"]
    slug_from = ("title",)


@admin.register(Event)
class EventAdmin(EntryAdmin):
    list_display = ["title", "date", "category", "status", "citation_count", "updated"]
    list_filter = ["status", "category", "topics"]
    search_fields = ["title", "summary", "body", "slug"]
    autocomplete_fields = ["topics", "envoys", "missions", "agreements"]
    slug_from = ("title",)
    fieldsets = [
        (None, {"fields": ["title", "title_es", "slug", "status", "date", "end_date", "category", "topics"]}),
        (_("Text"), {"fields": ["summary", "summary_es", "body", "editorial_note"]}),
        (_("Related entries"), {"fields": ["envoys", "missions", "agreements"]}),
        (_("Record"), {"fields": ["created", "updated"], "classes": ["collapse"]}),
    ]


class AppointmentInline(admin.TabularInline):
    model = Appointment
    # The slug is the appointment's primary key. The admin sends a hidden primary key only for
    # automatic or read-only ones, so this one is sent as a hidden field of its own; left empty
    # in a new row, it is made from the envoy and the year.
    fields = ["slug", "rank", "mission", "appointed", "credentials_presented", "ended", "ended_note"]
    autocomplete_fields = ["mission"]
    show_change_link = True
    extra = 0
    verbose_name_plural = _("appointments (open one to edit all its dates and citations)")

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, widgets={"slug": forms.HiddenInput}, **kwargs)


@admin.register(Envoy)
class EnvoyAdmin(EntryAdmin):
    list_display = ["name", "sending_country", "career_status", "status", "citation_count"]
    list_filter = ["status", "sending_country", "career_status", "appointments__rank"]
    search_fields = ["name", "sort_name", "biography", "slug"]
    autocomplete_fields = ["sending_country"]
    inlines = [AppointmentInline, CitationInline]
    slug_from = ("name",)
    fieldsets = [
        (None, {"fields": ["name", "sort_name", "slug", "status", "sending_country"]}),
        (
            _("Life and career"),
            {"fields": ["birth_year", "death_year", "career_status", "residence", "biography"]},
        ),
        (_("Record"), {"fields": ["external_url", "editorial_note", "created", "updated"]}),
    ]


@admin.register(Appointment)
class AppointmentAdmin(ContentChangeMixin, SlugFixedOnChangeMixin, RevisionAdmin):
    list_display = ["envoy", "rank", "mission", "appointed", "credentials_presented", "ended"]
    list_filter = ["rank", "mission", "outcome", "is_nominee_only"]
    search_fields = ["envoy__name", "slug", "note"]
    autocomplete_fields = ["envoy", "mission"]
    inlines = [CitationInline]
    readonly_fields = ["created", "updated"]
    fieldsets = [
        (None, {"fields": ["slug", "envoy", "mission", "rank", "is_nominee_only"]}),
        (
            _("Dates (each with the source's qualifier)"),
            {
                "fields": [
                    ("appointed", "appointed_note"),
                    ("arrived", "arrived_note"),
                    ("credentials_presented", "credentials_note"),
                    ("ended", "ended_note"),
                    "outcome",
                    ("held_from", "held_to"),
                    "held_note",
                ]
            },
        ),
        (_("Notes"), {"fields": ["note", "editorial_note", "created", "updated"]}),
    ]


@admin.register(Mission)
class MissionAdmin(EntryAdmin):
    list_display = ["name", "kind", "sending_country", "host_country", "opened", "closed", "status"]
    list_filter = ["status", "kind", "sending_country", "host_country"]
    search_fields = ["name", "city", "address", "summary", "slug"]
    autocomplete_fields = ["sending_country", "host_country", "predecessor"]
    slug_from = ("name",)
    fieldsets = [
        (None, {"fields": ["name", "name_es", "slug", "status", "kind", "sending_country", "host_country"]}),
        (_("Place"), {"fields": ["city", "address", ("latitude", "longitude")]}),
        (
            _("History"),
            {"fields": ["opened", "closed", "predecessor", "summary", "summary_es", "editorial_note"]},
        ),
        (_("Record"), {"fields": ["created", "updated"], "classes": ["collapse"]}),
    ]


class RatificationInline(admin.TabularInline):
    model = Ratification
    fields = ["country", "date", "body", "editorial_note"]
    autocomplete_fields = ["country"]
    extra = 0

    def get_formset(self, request, obj=None, **kwargs):
        widgets = {"editorial_note": forms.Textarea(attrs={"rows": 2})}
        return super().get_formset(request, obj, widgets=widgets, **kwargs)


@admin.register(Agreement)
class AgreementAdmin(EntryAdmin):
    list_display = ["title", "short_name", "kind", "signed", "agreement_status", "status"]
    list_filter = ["status", "kind", "agreement_status", "topics"]
    search_fields = ["title", "short_name", "summary", "slug"]
    autocomplete_fields = ["parties", "topics", "amends"]
    inlines = [RatificationInline, CitationInline]
    slug_from = ("title",)
    fieldsets = [
        (
            None,
            {"fields": ["title", "title_es", "short_name", "slug", "status", "kind", "parties", "topics"]},
        ),
        (
            _("Course"),
            {
                "fields": [
                    "signed",
                    "place_signed",
                    "in_force",
                    "ended",
                    "agreement_status",
                    "amends",
                ]
            },
        ),
        (_("Text"), {"fields": ["summary", "summary_es", "text_url", "editorial_note"]}),
        (_("Record"), {"fields": ["created", "updated"], "classes": ["collapse"]}),
    ]
