"""When a row was created and last saved."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimestampedModel(models.Model):
    """
    When a row was created and last saved.

    Plain defaults rather than ``auto_now``, so that fixtures, which leave the timestamps
    out, load with ``loaddata`` too.
    """

    created = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated = models.DateTimeField(_("updated"), default=timezone.now, editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.updated = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "updated"}
        super().save(*args, **kwargs)
