"""
The history of every entry for its editors: each save a revision, two versions compared,
revert and recover deleted entries, within what each editor's role allows.
"""

from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets, quote, unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from reversion.admin import VersionAdmin
from reversion.models import Version

from .. import comparison, revisions
from ..limits import BoundedAdminSearch
from .conflicts import EditConflictForm


class RevisionAdmin(BoundedAdminSearch, VersionAdmin):
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

    def revision_view(self, request, object_id, version_id, extra_context=None):
        version = get_object_or_404(Version, pk=version_id, object_id=unquote(object_id))
        entry = version._model._default_manager.filter(pk=version.object_id).first()
        refused = self.parts_the_role_may_not_delete(request, version, entry)
        if refused:
            messages.error(
                request,
                gettext(
                    "Reverting to this version would delete what was added since, which your role "
                    "may not delete: %(parts)s. Ask a senior editor to revert it, or remove those "
                    "parts yourself if you may."
                )
                % {"parts": "; ".join(f"{part._meta.verbose_name} “{part}”" for part in refused)},
            )
            return redirect(self._admin_url("history", entry))
        return super().revision_view(request, object_id, version_id, extra_context)

    @staticmethod
    def parts_the_role_may_not_delete(request, version, entry):
        """The parts of ``entry``, added since ``version``, that reverting would delete without leave."""
        if entry is None:
            return []
        kept = {(other._model, str(other.object_id)) for other in version.revision.version_set.all()}
        return [
            part
            for part in revisions.parts_now(entry)
            if (type(part), str(part.pk)) not in kept
            and not request.user.has_perm(f"{part._meta.app_label}.delete_{part._meta.model_name}")
        ]

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
            "comparison": comparison.compare(old, new),
            "old_description": comparison.describe_revision(old.revision),
            "new_description": comparison.describe_revision(new.revision),
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
