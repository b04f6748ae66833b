from django.views.generic import DetailView, TemplateView

from .models import Agreement, Envoy, Event, Mission, Source


class HomeView(TemplateView):
    template_name = "relations/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            latest_events=Event.objects.published().order_by("-updated")[:10], **kwargs
        )


class PublishedDetailView(DetailView):
    def get_queryset(self):
        return super().get_queryset().published().prefetch_related("citations__source")


class EventDetailView(PublishedDetailView):
    model = Event


class EnvoyDetailView(PublishedDetailView):
    model = Envoy


class MissionDetailView(PublishedDetailView):
    model = Mission


class AgreementDetailView(PublishedDetailView):
    model = Agreement


class SourceDetailView(DetailView):
    model = Source
