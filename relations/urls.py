from django.urls import path, register_converter

from . import converters, downloads, feeds, on_date, versions, views
from .serving import cache_public_page as public

register_converter(converters.DayConverter, "day")
register_converter(converters.YearConverter, "year")

app_name = "relations"

# Every page here is public: cached whole in the page cache, and answered with a 304 while
# unchanged (see caching.py). A view that must not be cached is listed without public().

urlpatterns = [
    path("", public(views.HomeView.as_view()), name="home"),
    path("events/", public(views.EventListView.as_view()), name="event-list"),
    path("events/<slug:slug>/", public(views.EventDetailView.as_view()), name="event-detail"),
    path(
        "events/<slug:slug>/versions/<int:version_id>/",
        public(versions.version_view(views.EventDetailView).as_view()),
        name="event-version",
    ),
    path("envoys/", public(views.EnvoyListView.as_view()), name="envoy-list"),
    path("envoys/<slug:slug>/", public(views.EnvoyDetailView.as_view()), name="envoy-detail"),
    path(
        "envoys/<slug:slug>/versions/<int:version_id>/",
        public(versions.version_view(views.EnvoyDetailView).as_view()),
        name="envoy-version",
    ),
    path("missions/", public(views.MissionListView.as_view()), name="mission-list"),
    path("missions/<slug:slug>/", public(views.MissionDetailView.as_view()), name="mission-detail"),
    path(
        "missions/<slug:slug>/versions/<int:version_id>/",
        public(versions.version_view(views.MissionDetailView).as_view()),
        name="mission-version",
    ),
    path("agreements/", public(views.AgreementListView.as_view()), name="agreement-list"),
    path("agreements/<slug:slug>/", public(views.AgreementDetailView.as_view()), name="agreement-detail"),
    path(
        "agreements/<slug:slug>/versions/<int:version_id>/",
        public(versions.version_view(views.AgreementDetailView).as_view()),
        name="agreement-version",
    ),
    path("sources/", public(views.SourceListView.as_view()), name="source-list"),
    path("sources/<slug:slug>/", public(views.SourceDetailView.as_view()), name="source-detail"),
    path("timeline/", public(views.TimelineView.as_view()), name="timeline"),
    path("search/", public(views.SearchView.as_view()), name="search"),
    path("on/", public(on_date.OnDateView.as_view()), name="on-date"),
    path("on/<day:day>/", public(on_date.OnDateView.as_view()), name="on-day"),
    path("on/<year:year>/", public(on_date.OnDateView.as_view()), name="on-year"),
    path("about/data/", public(downloads.AboutDataView.as_view()), name="about-data"),
    path("feed/", public(feeds.ChangesFeed()), name="feed"),
]
