from django.urls import path

from . import views
from .caching import cache_public_page as public

app_name = "relations"

# Every page here is public: cached whole in the page cache, and answered with a 304 while
# unchanged (see caching.py). A view that must not be cached is listed without public().

urlpatterns = [
    path("", public(views.HomeView.as_view()), name="home"),
    path("events/", public(views.EventListView.as_view()), name="event-list"),
    path("events/<slug:slug>/", public(views.EventDetailView.as_view()), name="event-detail"),
    path("envoys/", public(views.EnvoyListView.as_view()), name="envoy-list"),
    path("envoys/<slug:slug>/", public(views.EnvoyDetailView.as_view()), name="envoy-detail"),
    path("missions/", public(views.MissionListView.as_view()), name="mission-list"),
    path("missions/<slug:slug>/", public(views.MissionDetailView.as_view()), name="mission-detail"),
    path("agreements/", public(views.AgreementListView.as_view()), name="agreement-list"),
    path("agreements/<slug:slug>/", public(views.AgreementDetailView.as_view()), name="agreement-detail"),
    path("sources/", public(views.SourceListView.as_view()), name="source-list"),
    path("sources/<slug:slug>/", public(views.SourceDetailView.as_view()), name="source-detail"),
    path("timeline/", public(views.TimelineView.as_view()), name="timeline"),
    path("search/", public(views.SearchView.as_view()), name="search"),
]
