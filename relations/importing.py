"""
Bringing content from outside datasets into the database, the same way every time.

An ``Importer`` creates or updates rows so that they hold exactly the values a dataset
gives, validates each one with ``full_clean()``, and saves nothing that is already equal:
running the same import twice changes nothing the second time.

Citations are matched by what they cite (entry, source, locator, claim), never by their
note number, so citations that editors or other imports added to the same entry are left
exactly as they are, and new ones are numbered after them.
"""

from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models

from .fixtures import LoadReport, describe_error
from .models import Citation


class DataError(Exception):
    """A record that cannot be imported, named by its file and its id."""


class Importer:
    """Create-or-update helpers that count what they create, update and leave unchanged."""

    NOTE_FIELDS = {"editorial_note"}

    def __init__(self):
        self.report = LoadReport()
        self.cited = set()

    @contextmanager
    def record(self, filename, record_id):
        """Name ``filename`` and ``record_id`` in any error raised while importing the record."""
        try:
            yield
        except DataError:
            raise
        except ValidationError as error:
            raise DataError(f"{filename}, record {record_id}: {describe_error(error)}") from error
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise DataError(f"{filename}, record {record_id}: malformed record ({error!r})") from error

    def _count(self, model, outcome):
        getattr(self.report, outcome)[model._meta.label_lower] += 1

    def get_or_create(self, model, pk, defaults):
        """Return the ``model`` row ``pk``, creating it from ``defaults`` if it does not exist."""
        instance = model._default_manager.filter(pk=pk).first()
        if instance is not None:
            self._count(model, "unchanged")
            return instance
        instance = model(pk=pk, **defaults)
        instance.full_clean()
        instance.save()
        self._count(model, "created")
        return instance

    def upsert(self, model, pk, values, *, on_create=None, m2m=None):
        """
        Create or update the ``model`` row ``pk`` so that it holds ``values``, and return it.

        ``on_create`` values are set on a new row only: they belong to the editors afterwards
        (the publication state, for one). ``m2m`` maps many-to-many fields to the complete
        list of related rows. Fields not named are never touched.
        """
        instance = model._default_manager.filter(pk=pk).first()
        created = instance is None
        if created:
            instance = model(pk=pk, **(on_create or {}))
        changed = created
        for name, value in values.items():
            if not created and name in self.NOTE_FIELDS and (getattr(instance, name) or not value):
                continue  # Editors' notes are filled in when empty, never replaced or blanked.
            if created or comparable(instance, name) != comparable_value(value):
                setattr(instance, name, value)
                changed = True
        m2m_changes = {}
        for name, related in (m2m or {}).items():
            wanted = {obj.pk for obj in related}
            current = set() if created else set(getattr(instance, name).values_list("pk", flat=True))
            if wanted != current:
                m2m_changes[name] = sorted(wanted)
                changed = True
        if not changed:
            self._count(model, "unchanged")
            return instance
        instance.full_clean()
        instance.save()
        for name, pks in m2m_changes.items():
            getattr(instance, name).set(pks)
        self._count(model, "created" if created else "updated")
        return instance

    def cite(self, entry, source, locator, quotation, claim="", value=""):
        """
        Make ``source`` support ``entry`` with these words; return the citation.

        A citation with the same entry, source, locator and claim is updated in place; a new
        one is numbered after every citation the entry already has.
        """
        content_type = ContentType.objects.get_for_model(entry)
        key = {
            "content_type": content_type,
            "object_id": str(entry.pk),
            "source": source,
            "locator": locator,
            "claim": claim,
        }
        self.cited.add((content_type.pk, str(entry.pk), source.pk, locator, claim))
        citation = Citation.objects.filter(**key).order_by("position").first()
        if citation is None:
            # Saving numbers it after every citation the entry has.
            citation = Citation(**key, quotation=quotation, value=value)
            outcome = "created"
        elif citation.quotation == quotation and citation.value == value:
            self._count(Citation, "unchanged")
            return citation
        else:
            citation.quotation, citation.value = quotation, value
            outcome = "updated"
        citation.full_clean()
        citation.save()
        self._count(Citation, outcome)
        return citation

    def uncited(self, sources):
        """
        Citations of ``sources`` that this import did not make: left as they are, for an
        editor to review, since an editor may have added them by hand.
        """
        citations = Citation.objects.filter(source__in=sources).select_related("content_type")
        return [
            citation
            for citation in citations.order_by("content_type__model", "object_id", "position")
            if (
                citation.content_type_id,
                citation.object_id,
                citation.source_id,
                citation.locator,
                citation.claim,
            )
            not in self.cited
        ]


def comparable(instance, name):
    """The stored value of field ``name``: the key of a related row, not the row itself."""
    field = instance._meta.get_field(name)
    return getattr(instance, field.attname if field.is_relation else name)


def comparable_value(value):
    return value.pk if isinstance(value, models.Model) else value
