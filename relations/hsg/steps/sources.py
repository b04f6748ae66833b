"""The sources, one for each repository read, and the countries and topics entries name."""

import re

from relations.hsg import editorial
from relations.models import Country, Source, Topic

from .base import Step

MAIN_FILES = {"pocom": "missions-countries/peru.xml", "rdcr": "articles/peru.xml"}


class Sources(Step):
    """A source for each repository present, saying which files of which commit were read."""

    def __init__(self, run):
        super().__init__(run)
        self.sources = run.sources
        self.countries = run.countries
        self.topics = run.topics

    def run(self):
        for name, repository in self.repositories.items():
            if repository is None:
                continue
            slug, title, kind, url, what = editorial.SOURCES[name]
            values = {"title": title, "author": ""}
            if name == "rdcr":
                guide = self.data["rdcr"]
                written_by = re.search(r"written by (?P<author>[^,]+)", guide.description)
                values = {"title": guide.title, "author": written_by["author"] if written_by else ""}
                what += f" Its header says “{guide.publication}” and “{guide.description}”."
            at = f" at commit {repository.commit}" if repository.commit else ""
            values.update(
                publisher=editorial.PUBLISHER,
                kind=kind,
                url=url,
                language="en",
                description=(
                    f"{what} Read from the {repository.full_name} repository ({repository.url}){at}: "
                    f"{repository.files_read(MAIN_FILES.get(name))}."
                ),
            )
            with self.record(name, "", "the repository"):
                self.sources[name] = self.importer.upsert(Source, slug, values)
        for code, values in editorial.COUNTRIES.items():
            self.countries[code] = self.importer.get_or_create(Country, code, values)
        for slug, name in editorial.TOPICS.items():
            self.topics[slug] = self.importer.get_or_create(Topic, slug, {"name": name})
