"""
Fragments of pages cached apart from the pages: each item of a list, and a list's filters.

A page the page cache does not hold (a new combination of filters, a page past the first)
is still made mostly of items rendered before, and of a filter form as rendered before for
the same choices. Each item is cached under its entry, the form under the values of its
fields and the page's address, and both under a
*fragment version*: the release of the code, the content version (relations/caching.py),
the language and the list's model. Any change to the content replaces the content version,
so a fragment is never read again once anything it could show has changed; this is why the
fragments may live in each process's own memory (the "fragments" cache), unshared, and
still never be out of date.
"""

import json
import secrets

from django.conf import settings
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.utils import translation
from django.utils.safestring import mark_safe

from . import caching
from .models.base import Translated

# The name of the items' fragments in templates/relations/list_base.html.
ITEM = "list_item"
# The name of the notes' fragments in templates/includes/notes.html.
NOTE = "page_note"


def fragment_seconds(request):
    """
    A context processor: ``fragment_seconds``, how long a template's ``{% cache %}`` keeps a
    fragment. As long as a page: one kept under an old fragment version is never read again.
    """
    return {"fragment_seconds": settings.PAGE_CACHE_SECONDS}


def fragment_version(model):
    """
    What the key of each item of ``model``'s list (a model, or the name of what lists the
    items, such as "timeline") starts with, in the active language.

    While the request's own connection holds changes not yet committed, a version no
    fragment has: fragments are neither read nor kept from content that is not yet, or
    may never be, what others see.
    """
    label = model if isinstance(model, str) else model._meta.label_lower
    version = caching.versioned(translation.get_language(), label)
    return version or f"pending:{secrets.token_hex(8)}"


def keys_only(queryset):
    """
    ``queryset`` read by key: with only what an item read from the cache needs of each row,
    its primary key and what the page's translation note reads (``Translated.translation_fields``).
    """
    model = queryset.model
    read = model.translation_fields() if issubclass(model, Translated) else []
    return queryset.select_related(None).only(model._meta.pk.name, *read)


def show_cached(objects, key_of):
    """
    Give each of ``objects`` whose fragment is cached, under the key ``key_of(object)`` that the
    template's ``{% cache %}`` gives it, the fragment as ``cached_html``, for the template to
    show as it is, without reading the cache again; return the others, in their order.
    """
    keys = {key_of(each): each for each in objects}
    cached = caches["fragments"].get_many(keys)
    for key, html in cached.items():
        keys[key].cached_html = mark_safe(html)
    return [each for key, each in keys.items() if key not in cached]


def page_entries(queryset, objects, version):
    """
    Return the entries of ``objects``, a slice of ``queryset`` (a list's page, a search's
    results), in its order, each fetched whole, with what the queryset's ``for_items()`` adds,
    only where its item is not cached under ``version``.

    An item read from the cache needs its key, the entry's primary key, and nothing else but
    what the page's translation note reads (``Translated.translation_fields``): the first
    query fetches only those, and a second, made only for items not cached, the rest. An
    entry whose item is cached is given it, as ``cached_html``, for the template to show.
    """
    keyed = list(keys_only(objects))
    # The key the template's {% cache %} gives each item (templates/relations/list_base.html).
    uncached = [
        entry.pk
        for entry in show_cached(keyed, lambda entry: make_template_fragment_key(ITEM, [version, entry.pk]))
    ]
    if not uncached:
        return keyed
    whole = {entry.pk: entry for entry in queryset.filter(pk__in=uncached).for_items()}
    return [whole.get(entry.pk, entry) for entry in keyed]


def form_key(form, path):
    """
    What a filter form's fragment is cached under, besides the fragment version: the page's
    address and the values of the form's fields as submitted, which are all that its
    rendering (the values shown, the messages beside them) depends on.
    """
    values = {name: form[name].value() for name in form.fields}
    return json.dumps([path, values], sort_keys=True, default=str)
