"""
Citations edited inside their entry: the claim chosen from the entry's own fields, and
whether each quotation is found in its source's stored text.
"""

from django import forms
from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.contrib.contenttypes.forms import BaseGenericInlineFormSet
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..citation_check import FOUND, NO_TEXT, QUOTATION_STATUS_LABELS, quotation_status
from ..models import Citation, Entry, citable_claims


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
    fields = ["position", "source", "locator", "quotation", "quotation_check", "claim", "value", "current"]
    readonly_fields = ["quotation_check"]
    autocomplete_fields = ["source"]
    extra = 1
    verbose_name = _("citation")
    verbose_name_plural = _("citations (a published entry needs at least one)")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        quotation = formset.form.base_fields["quotation"]
        quotation.widget.attrs.update(rows=3)
        # The claim is one of the entry's own fields, chosen, not typed.
        claims = [("", _("the entry as a whole")), *citable_claims(self.parent_model).items()]
        formset.form.base_fields["claim"].widget = forms.Select(choices=claims)
        return formset

    @admin.display(description=_("quotation"))
    def quotation_check(self, citation):
        if citation.pk is None:
            return ""
        status = quotation_status(citation)
        mark = {FOUND: "✓", NO_TEXT: "–"}.get(status, "✗")
        return format_html(
            '<span class="quotation-check quotation-{}" title="{}">{} {}</span>',
            status,
            QUOTATION_STATUS_LABELS[status],
            mark,
            QUOTATION_STATUS_LABELS[status],
        )
