"""
Template tags for the public pages: partial dates as ``<time>``, citations as footnotes,
and the small pieces of presentation every page shares.

A detail page gathers its notes once with ``{% citation_notes entry parts as notes %}``
(see ``relations.citations``), marks each claim with ``{% cite notes entry "date" %}``
(superscript note numbers, and "Sources differ" where the sources' values cannot all be
true), and lists the notes at the end with ``{% include "includes/notes.html" %}``.
"""

from collections.abc import Iterable

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from ..citations import AsGiven, Notes, differing_claims
from ..partial_dates import DAY, PartialDate, range_texts

register = template.Library()


def _time(date, text, linked=True):
    """
    A date's words in a ``<time>`` element, marked as derived where no source states it. A
    day a source states links to the relations on that day, unless ``linked`` is False (for a
    date inside another link: links cannot nest).
    """
    if date.decade:
        # No ``datetime`` value can name a decade: the words alone say it.
        element = format_html('<span class="date">{}</span>', text)
    else:
        element = format_html('<time datetime="{}">{}</time>', date.isoformat(), text)
    if linked and date.precision == DAY and not date.is_derived:
        element = format_html(
            '<a class="date-link" href="{}">{}</a>',
            reverse("relations:on-day", args=[date.earliest()]),
            element,
        )
    if date.is_derived:
        return format_html(
            '<span class="derived" title="{}">{}</span>',
            gettext("Derived by the site: no source states this date."),
            element,
        )
    return element


@register.filter
def partial_date(value, plain=False):
    """
    Render a PartialDate as ``<time datetime="1838-06">June 1838</time>``; nothing for None.

    A full date links to the relations on that day; ``partial_date:"plain"`` leaves it
    unlinked, for a date inside another link.
    """
    if not isinstance(value, PartialDate):
        return value or ""
    return _time(value, str(value), linked=not plain)


@register.simple_tag
def partial_date_range(start, end=None):
    """
    Render a span as two ``<time>`` elements that share what they can: "10–16 September 1906".

    Without an end, the start alone.
    """
    if not end or end == start:
        return partial_date(start)
    start_text, end_text = range_texts(start, end)
    return format_html("{}–{}", _time(start, start_text), _time(end, end_text))


@register.simple_tag
def citation_notes(entry, parts=()):
    """Gather the numbered notes of ``entry`` and of its ``parts`` (e.g. an envoy's appointments)."""
    return Notes(entry, parts)


@register.filter(name="differing_claims")
def differing_claims_filter(owner):
    """
    The claims on which the sources cited for ``owner`` give values that cannot all be true:
    for a page that shows them without their notes, to send the reader to the page that
    shows them (a mission's table of its envoys, to each envoy's page).
    """
    return differing_claims(owner)


@register.simple_tag
def cite(notes, owner, claim=""):
    """
    The superscript note numbers for one claim of ``owner``, and beside them a
    "Sources differ" note if its sources give values that cannot all be true.
    """
    cited = notes.for_claim(owner, claim)
    if not cited:
        return ""
    refs = [(note, not note.referenced) for note in cited]
    for note in cited:
        note.referenced = True
    differ = notes.difference(owner, claim)
    if differ:
        differ.shown = True
    return render_to_string("includes/cite.html", {"refs": refs, "difference": differ})


@register.inclusion_tag("includes/dated_cell.html")
def dated_cell(notes, appointment, claim, qualifier=""):
    """One date of an appointment's course, with the source's qualifier and its notes."""
    return {
        "notes": notes,
        "appointment": appointment,
        "claim": claim,
        "date": getattr(appointment, claim),
        "qualifier": qualifier,
    }


@register.simple_tag(takes_context=True)
def page_in_language(context, language, absolute=False):
    """The address of this page, with its filters, in ``language``: "/es/events/?q=lima"."""
    request = context["request"]
    url = translate_url(request.get_full_path(), language)
    if url == request.get_full_path() and language != (get_language() or "en")[:2]:
        # A page outside the language prefixes (an error page) has no other-language address.
        return ""
    return request.build_absolute_uri(url) if absolute else url


@register.simple_tag(takes_context=True)
def nav_link(context, url_name, label):
    """A link of the site's navigation, marked as the current page's section where it is."""
    url = reverse(url_name)
    path = context["request"].path
    current = path == url if url == "/" else path.startswith(url)
    if current:
        return format_html('<a href="{}" aria-current="page">{}</a>', url, label)
    return format_html('<a href="{}">{}</a>', url, label)


@register.filter
def localized(obj, field):
    """
    ``obj``'s ``field`` in the page's language where the site has it; otherwise the English,
    marked ``lang="en"`` so that it is read as English.
    """
    text, language = obj.translated(field)
    if language != (get_language() or "en")[:2]:
        return format_html('<span lang="{}">{}</span>', language, text)
    return text


@register.simple_tag
def other_lang(language=None):
    """
    ` lang="en"` for an element whose text is in ``language`` (by default the site's own,
    English, for texts that have no translation) where the page is in another; nothing
    where they agree.
    """
    language = language or settings.LANGUAGE_CODE
    if language[:2] != (get_language() or settings.LANGUAGE_CODE)[:2]:
        return format_html(' lang="{}"', language)
    return ""


@register.filter
def as_given(value, language):
    """A value in its source's words, marked with the source's ``language`` where the page is in another."""
    marked = other_lang(language) if isinstance(value, AsGiven) else ""
    return format_html("<span{}>{}</span>", marked, value) if marked else value


@register.filter
def lang_attr(obj, field):
    """
    ` lang="en"` where ``obj``'s ``field`` is shown in another language than the page's, for
    the element that holds it as plain text (``localized_text``); nothing otherwise.
    """
    language = obj.translated(field)[1]
    if language != (get_language() or "en")[:2]:
        return format_html(' lang="{}"', language)
    return ""


@register.filter
def localized_text(obj, field):
    """``obj``'s ``field`` in the page's language where the site has it, as plain text (for titles)."""
    return obj.translated(field)[0]


@register.filter
def entry_title(entry):
    """An entry's title or name in the page's language, without the date ``str()`` may add."""
    for field in ("title", "name"):
        if getattr(entry, field, None):
            return localized(entry, field) if hasattr(entry, "translated") else getattr(entry, field)
    return str(entry)


def _shown_entries(values):
    """The entries among ``values``: entries, lists of them, search groups, timeline items."""
    for value in values:
        value = getattr(value, "results", value)
        if hasattr(value, "shown_in_translation"):
            yield value
        elif isinstance(value, Iterable) and not isinstance(value, str):
            yield from _shown_entries(value)


@register.inclusion_tag("includes/translation_note.html")
def translation_note(*shown, single=False):
    """
    A note that the titles, names and summaries a page shows in Spanish are the site's
    translation, not a source's words; nothing where it shows none. A ``single`` entry's
    note says which of its fields are translated.
    """
    fields = set()
    for entry in _shown_entries(shown):
        fields.update(entry.shown_in_translation())
    return {"fields": fields, "single": single}


@register.filter
def verbose_name(instance):
    return instance._meta.verbose_name


@register.filter
def verbose_name_plural(instance):
    return instance._meta.verbose_name_plural


@register.filter
def item_template(instance):
    """The template of ``instance``'s item in a list: ``relations/items/<model>.html``."""
    return f"relations/items/{instance._meta.model_name}.html"
