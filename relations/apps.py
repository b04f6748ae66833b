from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RelationsConfig(AppConfig):
    name = "relations"
    verbose_name = _("Peru–United States relations")

    def ready(self):
        from . import caching
        from .permissions import ensure_editor_groups

        # Permissions only exist once every app has migrated, so the groups are brought up
        # to date after each migrate, on every deployment.
        post_migrate.connect(ensure_editor_groups, sender=self, dispatch_uid="relations_editor_groups")
        # Every cached page goes out of date with any change to the content, from anywhere.
        caching.connect_signals()
