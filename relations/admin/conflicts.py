"""
Edit conflicts: a change form that refuses to save over a save made since it was opened.
"""

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.timezone import template_localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import comparison, revisions


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
            who = comparison.describe_revision(latest.revision)
        else:
            who = gettext("someone, on %(when)s") % {
                "when": localize(template_localtime(current.updated)) if hasattr(current, "updated") else "?"
            }
        changes = comparison.compare(opened_version, latest) if opened_version and recorded_since else None
        if changes:
            url = reverse(
                f"admin:{model._meta.app_label}_{model._meta.model_name}_compare", args=[quote(current.pk)]
            )
            what = format_html(
                '{} <a href="{}?from={}&amp;to={}">{}</a>',
                gettext("They changed: %(changes)s.") % {"changes": changes.summary()},
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
        # Only the model's own fields: the form's ``edited_from`` always differs, and has no label.
        return [
            str(self.fields[name].label)
            for name in names
            if name in saved and self.fields[name].has_changed(saved[name], self[name].data)
        ]
