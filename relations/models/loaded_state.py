"""What an entry held, with its parts, when it was last loaded, imported or exported."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LoadedState(models.Model):
    """
    What an entry held, with its parts, when it was last loaded, imported or exported.

    Outside data (the fixtures, the Office of the Historian's repositories) is compared with
    this and with the entry as it is now: an entry that differs from its loaded state was
    changed by an editor since, and is left as the editor made it (see ``relations.baselines``).
    """

    model = models.CharField(_("model"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=120)
    content = models.JSONField(_("content"))
    recorded = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("loaded state")
        verbose_name_plural = _("loaded states")
        constraints = [
            models.UniqueConstraint(fields=["model", "object_id"], name="one_loaded_state_per_entry")
        ]

    def __str__(self):
        return f"{self.model} “{self.object_id}”"
