"""
The site's check of its own citations against its sources.

Every quotation must be found in its source's stored text, where one is stored; every value
a citation gives for a claim must be stated by its own quotation (a date in its words, a
choice by its name, a number by its digits); every date a published entry shows as stated
must be stated by one of the entry's quotations, and every derived date explained in an
editorial note. ``python manage.py check_citations`` prints each failure with its entry.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .citations import as_date, claim_field, passage_key
from .models import CITED_MODELS, Agreement, Citation
from .partial_dates import PartialDateField
from .quotations import is_quoted_from, numbers_stated, states_date, states_words

FOUND, NOT_FOUND, NO_TEXT = "found", "not-found", "no-text"
QUOTATION_STATUS_LABELS = {
    FOUND: _("found in the source's stored text"),
    NOT_FOUND: _("not found in the source's stored text"),
    NO_TEXT: _("not checked: no text of the source is stored"),
}


def quotation_status(citation):
    """Whether ``citation``'s quotation is in its source's stored text: FOUND, NOT_FOUND or NO_TEXT."""
    source = citation.source
    if not source.text:
        return NO_TEXT
    if is_quoted_from(citation.quotation, source.text, interleaved=source.text_interleaved):
        return FOUND
    return NOT_FOUND


def value_is_stated(citation):
    """Return True if ``citation``'s quotation states the value it gives for its claim."""
    if not citation.value:
        return True
    model_field = claim_field(citation.entry, citation.claim)
    date = as_date(model_field, citation.value)
    if date is not None:
        return not date.is_derived and states_date(citation.quotation, date)
    choices = dict(getattr(model_field, "flatchoices", None) or ())
    if citation.value in choices:
        names = [str(choices[citation.value]), citation.value.replace("-", " ")]
        return any(states_words(citation.quotation, name) for name in names)
    digits = citation.value.replace(",", "")
    if digits.isdigit():
        return digits in numbers_stated(citation.quotation)
    items = [item for item in citation.value.split(";") if item.strip()] if ";" in citation.value else None
    return all(states_words(citation.quotation, item.strip()) for item in items or [citation.value])


@dataclass
class Failure:
    entry: str
    message: str

    def __str__(self):
        return f"{self.entry}: {self.message}"


def describe_owner(owner):
    return f"{owner._meta.verbose_name} “{owner.pk}”"


def describe_citation(citation):
    return f"citation {citation.position} ({citation.source.title}, {citation.locator})"


def check_citation(citation):
    """The failures of one citation: its quotation not in its source, its value not stated."""
    failures = []
    where = describe_owner(citation.entry)
    if quotation_status(citation) == NOT_FOUND:
        failures.append(
            Failure(where, f"{describe_citation(citation)}: the quotation is not in the source's stored text")
        )
    if not value_is_stated(citation):
        failures.append(
            Failure(
                where,
                f"{describe_citation(citation)}: the quotation does not state the value it gives for "
                f"the {citation.claim}, “{citation.value}”",
            )
        )
    return failures


def shown_dates(owner):
    """The dates ``owner`` shows, by field name, with its agreement's ratifications for an agreement."""
    dates = {
        model_field.name: getattr(owner, model_field.name)
        for model_field in owner._meta.concrete_fields
        if isinstance(model_field, PartialDateField) and getattr(owner, model_field.name)
    }
    if isinstance(owner, Agreement):
        for ratification in owner.ratifications.all():
            dates[f"ratifications ({ratification.country_id})"] = ratification.date
    return dates


def check_dates(owner, citations, editorial_notes):
    """
    The failures of ``owner``'s dates: a stated date none of its quotations states, a
    derived date with no editorial note to explain it.
    """
    failures = []
    for name, date in shown_dates(owner).items():
        if date.is_derived:
            if not any(editorial_notes):
                message = f"the {name} “{date}” is derived, and no editorial note says how"
                failures.append(Failure(describe_owner(owner), message))
            continue
        if not any(states_date(citation.quotation, date) for citation in citations):
            failures.append(
                Failure(
                    describe_owner(owner),
                    f"no quotation of its citations states the {name} shown, “{date.isoformat()}”",
                )
            )
    return failures


def check_duplicates(owner, citations):
    """Failures for a passage cited twice on one entry: it should be one citation, with its claim."""
    failures, seen = [], {}
    for citation in citations:
        key = passage_key(citation)
        earlier = seen.get(key)
        if earlier is not None and (
            not earlier.claim or not citation.claim or earlier.claim == citation.claim
        ):
            message = f"{describe_citation(citation)} repeats citation {earlier.position}"
            message += ": cite a passage once, with its claim"
            failures.append(Failure(describe_owner(owner), message))
        else:
            seen.setdefault(key, citation)
    return failures


def check_all():
    """Every failure of every published entry and appointment, in a stable order."""
    failures = []
    for model in CITED_MODELS:
        owners = model.objects.published().prefetch_related("citations__source")
        if model is Agreement:
            owners = owners.prefetch_related("ratifications")
        for owner in owners.order_by("pk"):
            citations = sorted(owner.citations.all(), key=lambda citation: citation.position)
            for citation in citations:
                citation.entry = owner
                failures.extend(check_citation(citation))
            notes = [owner.editorial_note]
            if model is Agreement:
                notes += [ratification.editorial_note for ratification in owner.ratifications.all()]
            failures.extend(check_dates(owner, citations, notes))
            failures.extend(check_duplicates(owner, citations))
    return failures


def unchecked_count():
    """How many quotations of public entries could not be checked, for want of a stored text."""
    return Citation.objects.published().filter(source__text="").count()
