"""
One search across every kind of entry: the first results of each kind, how many there are
in all, and where to see them all. Each kind is searched by its own list's FilterSet, so a
search finds exactly what the list's ``q`` filter finds.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from . import figures, filters
from .fragments import fragment_version, page_entries
from .models import LISTED_MODELS


@dataclass
class ResultGroup:
    model: type
    count: int
    results: list = field(default_factory=list)
    # What the results' items are cached under: the same as the list's own items.
    fragment_version: str = ""

    @property
    def label(self):
        return self.model._meta.verbose_name_plural

    @property
    def list_url(self):
        return reverse(f"relations:{self.model._meta.model_name}-list")


def search(query, per_type=10):
    """
    The first ``per_type`` results of each kind of entry for ``query``, with the counts; which
    they are, and how many, are figures of the content.
    """
    groups = []
    if not query:
        return groups
    for model in LISTED_MODELS:
        found = filters.FILTERSETS[model]({"q": query}).qs
        count = figures.count(found)
        version = fragment_version(model)
        # Whole entries for the results whose items are not cached, as on the list.
        first = figures.first(found, per_type) if count else []
        results = page_entries(found, found.filter(pk__in=first), version) if first else []
        groups.append(ResultGroup(model, count, results, version))
    return groups
