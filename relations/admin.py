from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.contrib.contenttypes.forms import BaseGenericInlineFormSet
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import (
    Agreement,
    Appointment,
    Citation,
    Country,
    Entry,
    Envoy,
    Event,
    Mission,
    Ratification,
    Source,
    Topic,
)


class CitationFormSet(BaseGenericInlineFormSet):
    """Citations of one entry; a published entry must keep at least one."""

    def clean(self):
        super().clean()
        if getattr(self.instance, "status", None) != Entry.Status.PUBLISHED:
            return
        kept = [form for form in self.forms if form.cleaned_data and not self._should_delete_form(form)]
        if not kept:
            raise ValidationError(
                _(
                    "A published entry needs at least one citation: add the source that states "
                    "it, with the locator and quotation, or save the entry as a draft."
                ),
                code="published_without_citation",
            )


class CitationInline(GenericTabularInline):
    model = Citation
    formset = CitationFormSet
    fields = ["position", "source", "locator", "quotation", "claim", "value"]
    autocomplete_fields = ["source"]
    extra = 1
    verbose_name = _("citation")
    verbose_name_plural = _("citations (a published entry needs at least one)")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        quotation = formset.form.base_fields["quotation"]
        quotation.widget.attrs.update(rows=2, cols=40)
        return formset


class SlugFixedOnChangeMixin:
    """The slug is the entry's stable address: set when created, read-only afterwards."""

    slug_from = ()

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "slug"] if obj is not None else readonly

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": self.slug_from} if obj is None and self.slug_from else {}


class EntryAdmin(SlugFixedOnChangeMixin, admin.ModelAdmin):
    """What every entry type's admin has: citations inline, publication state, history."""

    inlines = [CitationInline]
    list_filter = ["status"]
    list_per_page = 50
    readonly_fields = ["created", "updated"]
    save_on_top = True
    actions = ["make_draft"]

    @admin.action(description=_("Unpublish the selected entries (make them drafts)"))
    def make_draft(self, request, queryset):
        count = queryset.update(status=Entry.Status.DRAFT)
        self.message_user(request, _("%(count)d entries are now drafts.") % {"count": count})

    @admin.display(description=_("citations"))
    def citation_count(self, obj):
        return obj.citation_total

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(citation_total=Count("citations"))


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "name_es", "code", "iso_code", "existed_from", "existed_to"]
    search_fields = ["name", "name_es", "code"]


@admin.register(Topic)
class TopicAdmin(SlugFixedOnChangeMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    slug_from = ("name",)


@admin.register(Source)
class SourceAdmin(SlugFixedOnChangeMixin, admin.ModelAdmin):
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
        (None, {"fields": ["title", "slug", "status", "date", "end_date", "category", "topics"]}),
        (_("Text"), {"fields": ["summary", "body", "editorial_note"]}),
        (_("Related entries"), {"fields": ["envoys", "missions", "agreements"]}),
        (_("Record"), {"fields": ["created", "updated"], "classes": ["collapse"]}),
    ]


class AppointmentInline(admin.TabularInline):
    model = Appointment
    fields = ["rank", "mission", "appointed", "credentials_presented", "ended", "ended_note"]
    autocomplete_fields = ["mission"]
    show_change_link = True
    extra = 0
    verbose_name_plural = _("appointments (open one to edit all its dates and citations)")


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
class AppointmentAdmin(SlugFixedOnChangeMixin, admin.ModelAdmin):
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
                ]
            },
        ),
        (_("Notes"), {"fields": ["note", "created", "updated"]}),
    ]


@admin.register(Mission)
class MissionAdmin(EntryAdmin):
    list_display = ["name", "kind", "sending_country", "host_country", "opened", "closed", "status"]
    list_filter = ["status", "kind", "sending_country", "host_country"]
    search_fields = ["name", "city", "address", "summary", "slug"]
    autocomplete_fields = ["sending_country", "host_country", "predecessor"]
    slug_from = ("name",)
    fieldsets = [
        (None, {"fields": ["name", "slug", "status", "kind", "sending_country", "host_country"]}),
        (_("Place"), {"fields": ["city", "address", ("latitude", "longitude")]}),
        (
            _("History"),
            {"fields": ["opened", "closed", "predecessor", "summary", "editorial_note"]},
        ),
        (_("Record"), {"fields": ["created", "updated"], "classes": ["collapse"]}),
    ]


class RatificationInline(admin.TabularInline):
    model = Ratification
    autocomplete_fields = ["country"]
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(EntryAdmin):
    list_display = ["title", "short_name", "kind", "signed", "agreement_status", "status"]
    list_filter = ["status", "kind", "agreement_status", "topics"]
    search_fields = ["title", "short_name", "summary", "slug"]
    autocomplete_fields = ["parties", "topics", "amends"]
    inlines = [RatificationInline, CitationInline]
    slug_from = ("title",)
    fieldsets = [
        (None, {"fields": ["title", "short_name", "slug", "status", "kind", "parties", "topics"]}),
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
        (_("Text"), {"fields": ["summary", "text_url", "editorial_note"]}),
        (_("Record"), {"fields": ["created", "updated"], "classes": ["collapse"]}),
    ]
