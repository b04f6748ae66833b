"""
One search across every kind of entry: the first results of each kind, how many there are
in all, and where to see them all. Each kind is searched by its own list's FilterSet, so a
search finds exactly what the list's ``q`` filter finds.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from . import figures, filters
from .models import LISTED_MODELS


@dataclass
class ResultGroup:
    model: type
    count: int
    results: list = field(default_factory=list)

    @property
    def label(self):
        return self.model._meta.verbose_name_plural

    @property
    def list_url(self):
        return reverse(f"relations:{self.model._meta.model_name}-list")


def search(query, per_type=10):
    """The first ``per_type`` results of each kind of entry for ``query``, with the counts."""
    groups = []
    if not query:
        return groups
    for model in LISTED_MODELS:
        results = filters.FILTERSETS[model]({"q": query}).qs
        results = results.prefetch_related(*results.item_prefetches)
        count = figures.count(results)
        groups.append(ResultGroup(model, count, list(results[:per_type]) if count else []))
    return groups
