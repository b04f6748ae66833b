"""The site's URL patterns as they will be with a Spanish interface: every page also under /es/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("relations.shared_urls")),
    *i18n_patterns(path("", include("relations.urls")), prefix_default_language=False),
]
