from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, quote, unquote
from django.contrib.contenttypes.admin import GenericTabularInline
from django.contrib.contenttypes.forms import BaseGenericInlineFormSet
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count
from django.forms.models import model_to_dict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.timezone import template_localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from . import revisions
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


def edit_token(obj):
    """
    Name the state of ``obj`` that a change form was opened on: its latest revision and its
    last save. Either moves on when anyone saves it, from the admin or anywhere else.
    """
    latest = revisions.latest_version(obj)
    updated = getattr(obj, "updated", None)
    return f"{latest.pk if latest else 0}:{updated.isoformat() if updated else ''}"


class EditConflictForm(forms.ModelForm):
    """
    A change form that refuses to save over a save made since it was opened.

    The form carries the state it was opened on. On saving, the row is locked and that state
    compared with the row's: if someone saved in between, the form is refused with who saved,
    when and what they changed, and the editor's input stays in the form. Saving again then
    replaces their version; theirs stays in the history.
    """

    edited_from = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance._state.adding:
            self.fields["edited_from"].initial = edit_token(self.instance)

    def clean(self):
        cleaned_data = super().clean()
        # Every change form the admin serves carries the field; a request without it cannot
        # show which version it started from, and is refused like a stale form.
        if not self.instance._state.adding:
            self.check_unchanged_since_opened()
        return cleaned_data

    def check_unchanged_since_opened(self):
        model = type(self.instance)
        # The lock holds until the save's transaction ends, so no save can slip in between
        # this check and ours.
        current = model._base_manager.select_for_update().filter(pk=self.instance.pk).first()
        if current is None:
            raise ValidationError(
                _("This %(model)s was deleted after you opened it: it can be recovered from the list.")
                % {"model": model._meta.verbose_name},
                code="edit_conflict",
            )
        opened_on = self.cleaned_data.get("edited_from") or ""
        current_token = edit_token(current)
        if opened_on == current_token:
            return
        # Saving again after reading the message is a deliberate choice to replace their version.
        self.data = self.data.copy()
        self.data[self.add_prefix("edited_from")] = current_token
        raise ValidationError(self.conflict_message(opened_on, current), code="edit_conflict")

    def conflict_message(self, opened_on, current):
        model = type(current)
        opened_version_id = opened_on.split(":", 1)[0]
        opened_version = (
            revisions.versions_of(current).filter(pk=opened_version_id).first()
            if opened_version_id.isdigit()
            else None
        )
        latest = revisions.latest_version(current)
        recorded_since = latest is not None and (opened_version is None or latest.pk > opened_version.pk)
        if recorded_since:
            who = revisions.describe_revision(latest.revision)
        else:
            who = gettext("someone, on %(when)s") % {
                "when": localize(template_localtime(current.updated)) if hasattr(current, "updated") else "?"
            }
        comparison = revisions.compare(opened_version, latest) if opened_version and recorded_since else None
        if comparison:
            url = reverse(
                f"admin:{model._meta.app_label}_{model._meta.model_name}_compare", args=[quote(current.pk)]
            )
            what = format_html(
                '{} <a href="{}?from={}&amp;to={}">{}</a>',
                gettext("They changed: %(changes)s.") % {"changes": comparison.summary()},
                url,
                opened_version.pk,
                latest.pk,
                gettext("See exactly what changed."),
            )
        else:
            differing = self.fields_differing_from(current)
            what = (
                gettext("The saved %(model)s now differs from your form in: %(fields)s.")
                % {"model": model._meta.verbose_name, "fields": ", ".join(differing)}
                if differing
                else ""
            )
        return format_html(
            "{} {} {}",
            gettext("Someone else changed this %(model)s after you opened it: %(who)s.")
            % {"model": model._meta.verbose_name, "who": who},
            what,
            gettext(
                "Your changes are not saved; they are still in the form below. Check what changed, "
                "then save again to replace their version with yours (theirs stays in the history)."
            ),
        )

    def fields_differing_from(self, current):
        names = [name for name in self._meta.fields or () if name in self.fields]
        saved = model_to_dict(current, fields=names)
        return [
            str(self.fields[name].label)
            for name in names
            if self.fields[name].has_changed(saved.get(name), self[name].data)
        ]


class RevisionAdmin(VersionAdmin):
    """
    An admin whose every save is a revision: history, compare, revert, recover deleted.

    Reversion's ``VersionAdmin`` records the revisions and reverts and recovers; this adds
    the comparison of two versions, the refusal of stale forms, and a revision of what a
    deletion removes.
    """

    form = EditConflictForm
    history_latest_first = True
    object_history_template = "admin/relations/object_history.html"
    compare_template = "admin/relations/compare_versions.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="{}_{}_compare".format(*info),
        )
        return [compare, *super().get_urls()]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or "edited_from" in flatten_fieldsets(fieldsets):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], "edited_from"]}), *rest]

    def changelist_view(self, request, extra_context=None):
        # VersionAdmin would make the whole list page one revision; its actions record one
        # revision per entry instead, so that reverting one entry never reverts another.
        context = {"has_change_permission": self.has_change_permission(request), **(extra_context or {})}
        return super(VersionAdmin, self).changelist_view(request, context)

    def delete_model(self, request, obj):
        revisions.record([obj], gettext("Deleted."), request.user)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        revisions.record(list(queryset), gettext("Deleted."), request.user)
        super().delete_queryset(request, queryset)

    def history_view(self, request, object_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        obj = self.get_object(request, unquote(object_id))
        versions = list(revisions.versions_of(obj)) if obj is not None else []
        rows = [
            {
                "version": version,
                "revision": version.revision,
                "url": self._admin_url("revision", obj, version.pk),
                "previous": versions[index + 1] if index + 1 < len(versions) else None,
            }
            for index, version in enumerate(versions)
        ]
        context = {
            "action_list": rows,
            "compare_url": self._admin_url("compare", obj) if obj is not None else "",
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        """Show what changed, field by field and citation by citation, between two versions."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = revisions.versions_of(obj)
        new = self._version_from(versions, request.GET.get("to")) if "to" in request.GET else versions.first()
        old = (
            self._version_from(versions, request.GET.get("from"))
            if "from" in request.GET
            else new and versions.filter(pk__lt=new.pk).first()
        )
        if old is None or new is None or old.pk == new.pk:
            messages.warning(request, gettext("Choose two different versions to compare."))
            return redirect(self._admin_url("history", obj))
        if old.pk > new.pk:
            old, new = new, old
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("What changed in %(entry)s") % {"entry": obj},
            "subtitle": None,
            "object": obj,
            "opts": self.opts,
            "module_name": str(self.opts.verbose_name_plural).capitalize(),
            "old": old,
            "new": new,
            "comparison": revisions.compare(old, new),
            "old_description": revisions.describe_revision(old.revision),
            "new_description": revisions.describe_revision(new.revision),
            "revert_url": self._admin_url("revision", obj, old.pk),
            "history_url": self._admin_url("history", obj),
            "has_change_permission": self.has_change_permission(request, obj),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.compare_template, context)

    @staticmethod
    def _version_from(versions, pk):
        return versions.filter(pk=pk).first() if pk and str(pk).isdigit() else None

    def _admin_url(self, view, obj, *args):
        return reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_{view}",
            args=[quote(obj.pk), *args],
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
        quotation.widget.attrs.update(rows=3)
        return formset


class SlugFixedOnChangeMixin:
    """The slug is the entry's stable address: set when created, read-only afterwards."""

    slug_from = ()

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "slug"] if obj is not None else readonly

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": self.slug_from} if obj is None and self.slug_from else {}


class EntryAdmin(SlugFixedOnChangeMixin, RevisionAdmin):
    """What every entry type's admin has: citations inline, publication state, history."""

    inlines = [CitationInline]
    list_filter = ["status"]
    list_per_page = 50

    class Media:
        css = {"all": ["admin-extra/entries.css"]}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "summary" and isinstance(db_field, models.CharField):
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
        self.message_user(request, _("%(count)d entries are now drafts.") % {"count": len(published)})

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
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
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
class AppointmentAdmin(SlugFixedOnChangeMixin, RevisionAdmin):
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
