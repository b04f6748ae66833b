from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate
from django.utils.translation import gettext_lazy as _


class RelationsConfig(AppConfig):
    name = "relations"
    verbose_name = _("Peru–United States relations")

    def ready(self):
        from reversion.signals import post_revision_commit

        from . import caching, revisions
        from .permissions import ensure_editor_groups

        revisions.register()
        post_revision_commit.connect(
            revisions.one_revision_per_entry, dispatch_uid="relations_one_revision_per_entry"
        )
        post_delete.connect(revisions.note_deleted_part, dispatch_uid="relations_note_deleted_parts")
        # Permissions only exist once every app has migrated, so the groups are brought up
        # to date after each migrate, on every deployment.
        post_migrate.connect(ensure_editor_groups, sender=self, dispatch_uid="relations_editor_groups")
        # Every cached page goes out of date with any change to the content, from anywhere.
        caching.connect_signals()
