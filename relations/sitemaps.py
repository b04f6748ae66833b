"""
The sitemap: every published page, in every language the site serves it in, with the others
as alternates.

The languages are those of ``settings.LANGUAGES`` when the URL patterns give each language its
own prefix (``i18n_patterns``), and the default language alone while they do not: pages are
listed once for each address they really have, however the URL patterns change.
"""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import get_urlconf, reverse

from .models import ENTRY_MODELS, Source

# The pages that are not entries: the home page, the lists, the timeline and the data page.
PAGES = [
    "relations:home",
    "relations:event-list",
    "relations:envoy-list",
    "relations:mission-list",
    "relations:agreement-list",
    "relations:source-list",
    "relations:timeline",
    "relations:on-date",
    "relations:about-data",
]


class LanguagesSitemap(Sitemap):
    """A sitemap of pages in each language the URL patterns serve, each with its alternates."""

    i18n = True
    alternates = True
    x_default = True

    @property
    def languages(self):
        prefixed, _default_prefixed = is_language_prefix_patterns_used(get_urlconf() or settings.ROOT_URLCONF)
        if prefixed:
            return [code for code, _name in settings.LANGUAGES]
        return [settings.LANGUAGE_CODE]


class PageSitemap(LanguagesSitemap):
    def items(self):
        return PAGES

    def location(self, item):
        return reverse(item)


class EntrySitemap(LanguagesSitemap):
    """Every published entry of one type, dated by when its content last changed."""

    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.published().only("pk", "last_changed").order_by("pk")

    def lastmod(self, item):
        return item.last_changed

    def get_latest_lastmod(self):
        # One query, not a walk through every entry as the default does.
        return self.model.objects.published().aggregate(latest=Max("last_changed"))["latest"]


class SourceSitemap(LanguagesSitemap):
    def items(self):
        return Source.objects.published().only("pk").order_by("pk")


#: The sections of the sitemap, by the name in their address: /sitemap-events.xml.
SITEMAPS = {
    "pages": PageSitemap(),
    **{f"{model._meta.model_name}s": EntrySitemap(model) for model in ENTRY_MODELS},
    "sources": SourceSitemap(),
}
