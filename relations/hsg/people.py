"""
Reading the Office's people database (the people repository).

The database gathers the persons named in the Office's publications, chiefly the persons
lists of *Foreign Relations of the United States* (FRUS). Each record is a file
``data/100000/<digits>/<id>.xml`` with the person's names, life years and remarks, each
remark with the addresses it comes from. The records that mention Peru are read; the
others are only searched.
"""

import re
from dataclasses import dataclass, field

from .repository import child_text, text_of

POCOM_PAGE = re.compile(r"/departmenthistory/people/([a-z0-9-]+)$")
FRUS_PAGE = re.compile(r"/historicaldocuments/(frus[^/]+)/persons")


@dataclass
class Remark:
    text: str
    urls: list

    @property
    def volumes(self):
        """The FRUS volumes whose persons lists give the remark: ["frus1952-54v04"]."""
        return list(dict.fromkeys(match[1] for url in self.urls if (match := FRUS_PAGE.search(url))))

    @property
    def from_frus(self):
        return bool(self.volumes)


@dataclass
class PersonRecord:
    path: str
    id: str
    name: str
    birth: str
    death: str
    remarks: list = field(default_factory=list)
    pocom_ids: list = field(default_factory=list)

    def remark(self, opening):
        """The remark that begins with ``opening``, or None."""
        return next((remark for remark in self.remarks if remark.text.startswith(opening)), None)


def read(repository):
    """Every person record that mentions Peru, by id."""
    records = {}
    for path in repository.files("data"):
        if b"peru" not in repository.read_bytes(path).lower():
            continue
        root = repository.parse(path)
        person_id = child_text(root, "id")
        if not person_id or not path.endswith(f"/{person_id}.xml"):
            raise repository.error(path, person_id or None, "the record's <id> is not its file name")
        if person_id in records:
            raise repository.error(path, person_id, f"the id is also the record {records[person_id].path}")
        urls = [text_of(url) for url in root.iter("source-url")]
        records[person_id] = PersonRecord(
            path=path,
            id=person_id,
            name=child_text(root, "names/preferred/name"),
            birth=child_text(root, "birth-year"),
            death=child_text(root, "death-year"),
            remarks=[
                Remark(child_text(remark, "p"), [text_of(url) for url in remark.findall("source-url")])
                for remark in root.iter("remark")
            ],
            pocom_ids=list(dict.fromkeys(match[1] for url in urls if (match := POCOM_PAGE.search(url)))),
        )
    return records
