"""What every import step has: the import it belongs to, and the helpers to cite records."""

from relations.hsg.dates import date_after
from relations.importing import DataError


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
        return self.importer.cite(
            entry,
            self.batch.sources[repository],
            self.repositories[repository].locator(path, record_id),
            quotation,
            claim=claim,
            value=value,
        )

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
