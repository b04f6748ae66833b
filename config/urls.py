from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from relations.health import health

urlpatterns = [
    # Outside any language prefix: load balancers ask for it as it is.
    path("health/", health, name="health"),
    path("admin/", admin.site.urls),
    # Downloads, the feed and discovery: the same address in every language.
    path("", include("relations.shared_urls")),
    # The public pages in English at their plain addresses, and in Spanish under /es/.
    *i18n_patterns(path("", include("relations.urls")), prefix_default_language=False),
]

handler500 = "relations.errors.server_error"
