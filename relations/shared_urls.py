"""
The addresses every language shares: the downloads, the whole record, the sitemap and
robots.txt. They stay outside any language prefix (``i18n_patterns``) that the pages get.
"""

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import path, reverse
from django.views.decorators.http import require_GET

from . import downloads
from .serving import cache_public_page as public
from .sitemaps import SITEMAPS

app_name = "shared"


@require_GET
def robots_txt(request):
    """robots.txt: everything but the editors' interface may be crawled; where the sitemap is."""
    sitemap = request.build_absolute_uri(reverse("shared:sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


urlpatterns = [
    *downloads.urlpatterns(),
    path(
        "sitemap.xml",
        public(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "shared:sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", public(robots_txt), name="robots"),
]
