from django.urls import path, register_converter

from . import converters, downloads, feeds, on_date, versions, views

register_converter(converters.DayConverter, "day")
register_converter(converters.YearConverter, "year")

app_name = "relations"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path(
        "events/<slug:slug>/versions/<int:version_id>/",
        versions.version_view(views.EventDetailView).as_view(),
        name="event-version",
    ),
    path("envoys/", views.EnvoyListView.as_view(), name="envoy-list"),
    path("envoys/<slug:slug>/", views.EnvoyDetailView.as_view(), name="envoy-detail"),
    path(
        "envoys/<slug:slug>/versions/<int:version_id>/",
        versions.version_view(views.EnvoyDetailView).as_view(),
        name="envoy-version",
    ),
    path("missions/", views.MissionListView.as_view(), name="mission-list"),
    path("missions/<slug:slug>/", views.MissionDetailView.as_view(), name="mission-detail"),
    path(
        "missions/<slug:slug>/versions/<int:version_id>/",
        versions.version_view(views.MissionDetailView).as_view(),
        name="mission-version",
    ),
    path("agreements/", views.AgreementListView.as_view(), name="agreement-list"),
    path("agreements/<slug:slug>/", views.AgreementDetailView.as_view(), name="agreement-detail"),
    path(
        "agreements/<slug:slug>/versions/<int:version_id>/",
        versions.version_view(views.AgreementDetailView).as_view(),
        name="agreement-version",
    ),
    path("sources/", views.SourceListView.as_view(), name="source-list"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source-detail"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("on/", on_date.OnDateView.as_view(), name="on-date"),
    path("on/<day:day>/", on_date.OnDateView.as_view(), name="on-day"),
    path("on/<year:year>/", on_date.OnDateView.as_view(), name="on-year"),
    path("about/data/", downloads.AboutDataView.as_view(), name="about-data"),
    path("feed/", feeds.ChangesFeed(), name="feed"),
]
