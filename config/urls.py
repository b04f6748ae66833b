from django.contrib import admin
from django.urls import include, path

from relations.health import health

urlpatterns = [
    # Outside any language prefix: load balancers ask for it as it is.
    path("health/", health, name="health"),
    path("admin/", admin.site.urls),
    path("", include("relations.urls")),
]

handler500 = "relations.errors.server_error"
