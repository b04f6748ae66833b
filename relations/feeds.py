"""
The Atom feed of new and changed entries (``/feed/``), each dated by when its content last
changed, not by when a database happened to load it.
"""

from operator import attrgetter

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import ENTRY_MODELS


def latest_changes(limit):
    """The ``limit`` published entries of every type whose content changed last, newest first."""
    changed = []
    for model in ENTRY_MODELS:
        # Content is dated to the second; of entries changed in the same second, the last saved first.
        changed.extend(model.objects.published().order_by("-last_changed", "-updated")[:limit])
    changed.sort(key=attrgetter("last_changed", "updated"), reverse=True)
    return changed[:limit]


class ChangesFeed(Feed):
    """The entries whose content changed last, of every type: new ones and changed ones alike."""

    feed_type = Atom1Feed
    title = _("Peru–United States relations: new and changed entries")
    subtitle = _(
        "Events, envoys, missions and agreements of the cited record of Peru–United States relations, "
        "as their content is added or changed."
    )
    link = reverse_lazy("relations:home")
    limit = 50

    def items(self):
        return latest_changes(self.limit)

    def item_title(self, item):
        name = getattr(item, "title", None) or getattr(item, "name", None) or str(item)
        return f"{capfirst(item._meta.verbose_name)}: {name}"

    def item_description(self, item):
        return getattr(item, "summary", "") or ""

    def item_updateddate(self, item):
        return item.last_changed

    def item_categories(self, item):
        return [item._meta.verbose_name]
