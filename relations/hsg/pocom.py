"""
Reading *Principal Officers and Chiefs of Mission* (the pocom repository).

Peru's chiefs of mission are the records of ``missions-countries/peru.xml``; each names a
person, whose file is ``people/<initial>/<id>.xml``. A person's other posts are the records
that name the person in the other missions (``missions-countries/``, ``missions-orgs/``) and
principal positions (``positions-principals/``): only the files that mention one of the
people wanted are parsed, so that the 27 MB of the register are read, not parsed.
"""

import re
from dataclasses import dataclass, field

from .repository import child_text, text_of, unique

PERU = "missions-countries/peru.xml"
_PERSON_ID = re.compile(rb"<person-id>\s*([^<\s]+)\s*</person-id>")
POST_FOLDERS = {
    "missions-countries": "country-mission",
    "missions-orgs": "org-mission",
    "positions-principals": "principal-position",
}


@dataclass
class Dated:
    """One date of a record with the words the register puts before it ("Left post on")."""

    date: str
    note: str

    def words(self):
        return " ".join(part for part in (self.note, self.date) if part)


@dataclass
class Chief:
    """A record of a chief of mission (or of a principal officer) in the register."""

    path: str
    id: str
    person_id: str
    role_id: str
    listed: str  # "chiefs", "other-nominees" or "principals"
    appointed: Dated
    arrived: Dated
    started: Dated
    ended: Dated
    note: str
    post_id: str = ""  # the territory, organization or position
    post_name: str = ""


@dataclass
class Person:
    path: str
    id: str
    surname: str
    forename: str
    gen_name: str
    altnames: list
    birth: str
    death: str
    career_type: str
    state_id: str

    @property
    def name(self):
        name = " ".join(part for part in (self.forename, self.surname) if part)
        return f"{name} {self.gen_name}" if self.gen_name else name

    @property
    def sort_name(self):
        return ", ".join(part for part in (self.surname, self.forename, self.gen_name) if part)


@dataclass
class Pocom:
    """What the import reads of the register."""

    repository: object
    chiefs: list
    people: dict
    roles: dict
    careers: dict
    states: dict
    posts: dict = field(default_factory=dict)  # person id: other posts


def _dated(element, name):
    part = element.find(name)
    if part is None:
        return Dated("", "")
    return Dated(child_text(part, "date"), child_text(part, "note"))


def _chief(repository, path, element, listed):
    record_id = child_text(element, "id")
    if not record_id:
        raise repository.error(path, None, f"a record of {listed} has no <id>")
    person_id = child_text(element, "person-id")
    if not person_id:
        raise repository.error(path, record_id, "the record names no <person-id>")
    return Chief(
        path=path,
        id=record_id,
        person_id=person_id,
        role_id=child_text(element, "role-title-id"),
        listed=listed,
        appointed=_dated(element, "appointed"),
        arrived=_dated(element, "arrived"),
        started=_dated(element, "started"),
        ended=_dated(element, "ended"),
        note=child_text(element, "note"),
        post_id=child_text(element, "contemporary-territory-id"),
    )


def _code_table(repository, path):
    root = repository.parse(path)
    return {child_text(item, "value"): child_text(item, "label") for item in root.iter("item")}


def read_person(repository, person_id):
    path = f"people/{person_id[0]}/{person_id}.xml"
    if not (repository.root / path).is_file():
        return None
    root = repository.parse(path)
    name = root.find("persName")
    if name is None or child_text(root, "id") != person_id:
        raise repository.error(path, person_id, "is not the person file of this id")
    return Person(
        path=path,
        id=person_id,
        surname=child_text(name, "surname"),
        forename=child_text(name, "forename"),
        gen_name=child_text(name, "genName"),
        altnames=[text_of(alt) for alt in name.findall("altname")],
        birth=child_text(root, "birth"),
        death=child_text(root, "death"),
        career_type=child_text(root, "career-type"),
        state_id=child_text(root, "residence/state-id"),
    )


def read(repository, more_people=()):
    """
    Read Peru's chiefs of mission, their person files, the code tables, and the other
    posts of every person among them and in ``more_people``.
    """
    root = repository.parse(PERU)
    if child_text(root, "territory-id") != "peru":
        raise repository.error(PERU, None, "does not hold the mission to Peru")
    chiefs = [_chief(repository, PERU, element, "chiefs") for element in root.findall("chiefs/chief")]
    chiefs += [
        _chief(repository, PERU, element, "other-nominees")
        for element in root.findall("other-nominees/chief")
    ]
    unique(repository, PERU, chiefs, lambda chief: chief.id)
    people = {}
    for person_id in [*dict.fromkeys(chief.person_id for chief in chiefs), *more_people]:
        person = read_person(repository, person_id)
        if person is None and person_id in {chief.person_id for chief in chiefs}:
            raise repository.error(PERU, person_id, f"names a person with no file people/{person_id[0]}/")
        if person is not None:
            people[person_id] = person
    roles = {}
    for path in repository.files("roles-country-chiefs"):
        role = repository.parse(path)
        roles[child_text(role, "id")] = child_text(role, "names/singular")
    pocom = Pocom(
        repository=repository,
        chiefs=chiefs,
        people=people,
        roles=roles,
        careers=_code_table(repository, "code-tables/career-appointee-codes.xml"),
        states=_code_table(repository, "code-tables/us-state-codes.xml"),
    )
    pocom.posts = other_posts(repository, set(people), roles)
    return pocom


def other_posts(repository, person_ids, roles):
    """
    Every record, outside the mission to Peru, of the people ``person_ids``: a list of
    (kind, Chief) for each person, in the order of the appointments.
    """
    wanted = {person_id.encode() for person_id in person_ids}
    posts = {person_id: [] for person_id in person_ids}
    for folder, kind in POST_FOLDERS.items():
        for path in repository.files(folder):
            named = set(_PERSON_ID.findall(repository.read_bytes(path)))
            if path == PERU or not named & wanted:
                continue
            root = repository.parse(path)
            if kind == "country-mission":
                post_id, name = child_text(root, "territory-id"), ""
            else:
                post_id, name = child_text(root, "id"), child_text(root, "names/singular")
            if kind == "principal-position":
                records = [(element, "principals") for element in root.iter("principal")]
            else:
                records = [
                    (element, listed)
                    for listed in ("chiefs", "other-nominees")
                    for element in root.findall(f"{listed}/chief")
                ]
            for element, listed in records:
                if child_text(element, "person-id") not in posts:
                    continue
                chief = _chief(repository, path, element, listed)
                chief.post_id, chief.post_name = post_id, name
                posts[chief.person_id].append((kind, chief))
    for person_posts in posts.values():
        person_posts.sort(
            key=lambda post: (post[1].appointed.date or post[1].started.date or "9999", post[1].id)
        )
    return posts
