from django.urls import path

from . import views

app_name = "relations"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("envoys/<slug:slug>/", views.EnvoyDetailView.as_view(), name="envoy-detail"),
    path("missions/<slug:slug>/", views.MissionDetailView.as_view(), name="mission-detail"),
    path("agreements/<slug:slug>/", views.AgreementDetailView.as_view(), name="agreement-detail"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source-detail"),
]
