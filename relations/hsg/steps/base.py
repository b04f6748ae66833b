"""
What every import step has: the import it belongs to, and the helpers to cite records.

A record is cited for the whole entry, with no claim, unless another source gives a value
for one of the entry's claims that cannot be true together with the Office's: then the
record's citation carries the claim and the Office's value, so that the page shows both
("Sources differ"). Where the other source agrees, or gives no value, the citation stays
as it is: one passage, one citation.
"""

from collections import defaultdict

from relations.citations import claim_field, values_agree
from relations.hsg import editorial
from relations.hsg.dates import date_after
from relations.importing import DataError
from relations.models import Citation
from relations.partial_dates import PartialDate
from relations.quotations import states_date, states_words


def other_sources_values():
    """
    The values sources other than the Office's give for the claims of each entry:
    {(model label, primary key): {claim: [value, ...]}}.
    """
    office = [slug for slug, *_ in editorial.SOURCES.values()]
    given = defaultdict(lambda: defaultdict(list))
    citations = (
        Citation.objects.exclude(source__in=office)
        .exclude(claim="")
        .exclude(value="")
        .select_related("content_type")
        .order_by("content_type", "object_id", "position")
    )
    for citation in citations:
        key = (f"{citation.content_type.app_label}.{citation.content_type.model}", citation.object_id)
        given[key][citation.claim].append(citation.value)
    return given


class Step:
    """One step of an import; ``needs`` names the repositories it reads."""

    needs = ()

    def __init__(self, run):
        self.batch = run
        self.importer = run.importer
        self.data = run.data
        self.repositories = run.repositories

    def run(self):
        raise NotImplementedError

    def record(self, repository, path, record_id):
        return self.importer.record(repository, path, record_id)

    def cite(self, entry, repository, path, record_id, quotation, claim="", value=""):
        """Cite ``entry`` to the record ``record_id`` of ``path`` in ``repository``."""
        locator = self.repositories[repository].locator(path, record_id)
        return self.cite_at(entry, repository, locator, quotation, claim, value)

    def cite_at(self, entry, repository, locator, quotation, claim="", value=""):
        """
        Cite ``entry`` to ``repository`` at ``locator``; a citation for the whole entry
        carries the claim another source disputes, where ``quotation`` states the Office's value.
        """
        if not claim:
            claim, value = self.disputed(entry, quotation)
        return self.importer.cite(
            entry, self.batch.sources[repository], locator, quotation, claim=claim, value=value
        )

    def disputed(self, entry, quotation):
        """
        (claim, the Office's value) for a claim of ``entry`` on which another source gives
        a value that cannot be true together with the Office's, and that ``quotation``
        states; ("", "") if there is none.
        """
        label = entry._meta.label_lower
        others = self.batch.other_values.get((label, str(entry.pk)), {})
        words = editorial.OFFICE_WORDS.get((label.split(".")[-1], str(entry.pk)), {})
        for claim, values in others.items():
            own = words.get(claim)
            if own is not None:
                stated = states_words(quotation, own)
            else:
                own = getattr(entry, claim, None)
                if not isinstance(own, PartialDate) or own.is_derived:
                    continue
                stated = states_date(quotation, own)
                own = own.isoformat()
            model_field = claim_field(entry, claim)
            if stated and not all(values_agree(model_field, own, value) for value in values):
                return claim, own
        return "", ""

    # The country guide -------------------------------------------------------------------------

    def passage(self, where):
        """The country guide's sentence at ``where`` = (section, heading, opening, words before the date)."""
        section, heading, opening, _ = where
        guide = self.data["rdcr"]
        found = guide.passage(section, heading)
        text = found.sentence(opening) if found else None
        if text is None:
            raise guide.repository.error(
                "articles/peru.xml",
                f"{section}, “{heading}”" if heading else section,
                f"no sentence begins “{opening}” any more; the site's editorial data need updating",
            )
        return found, text

    def guide_date(self, where):
        """The date the country guide writes after the words of ``where``, as written."""
        found, text = self.passage(where)
        written = date_after(text, where[3])
        if written is None:
            raise DataError(
                f"rdcr/articles/peru.xml, record {found.record}: no date follows “{where[3]}” in “{text}”"
            )
        return written.partial()

    def cite_guide(self, entry, where, claim="", value=None):
        """Cite the country guide's sentence at ``where``; a claim's value is the date it writes."""
        found, text = self.passage(where)
        if claim and value is None:
            value = self.guide_date(where).isoformat()
        record = f"{found.record}, the sentence “{where[2]} …”"
        return self.cite(entry, "rdcr", "articles/peru.xml", record, text, claim, value or "")

    def cite_heading(self, entry, where, claim="", value=""):
        found, _ = self.passage(where)
        return self.cite(
            entry, "rdcr", "articles/peru.xml", f"{found.record}, heading", found.heading, claim, value
        )
