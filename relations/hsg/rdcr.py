"""
Reading the Peru article of the Office's guide to recognition and relations (rdcr).

The article (``articles/peru.xml``, TEI) has a summary and, in its sections, timeline
entries: a heading with a date and a paragraph. Each becomes a ``Passage`` with its
sentences, named by its section and heading so that a citation can point at it.
"""

import re
from dataclasses import dataclass, field

from .repository import TEI, XML_ID, child_text, text_of

ARTICLE = "articles/peru.xml"

# A full stop ends a sentence unless it ends an initial ("J.C.") or one of these.
_ABBREVIATIONS = {"U.S", "Mr", "Mrs", "Dr", "St", "Gen", "Jr", "Sr", "Lt", "Col", "No"}
_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def sentences(text):
    """The sentences of ``text``, each as written."""
    pieces, current = [], ""
    for piece in _BREAK.split(text):
        current = f"{current} {piece}" if current else piece
        last_word = current.rsplit(" ", 1)[-1].rstrip(".!?")
        if len(last_word.split(".")[-1]) <= 1 or last_word in _ABBREVIATIONS:
            continue
        pieces.append(current)
        current = ""
    if current:
        pieces.append(current)
    return pieces


@dataclass
class Passage:
    """The summary, or one timeline entry of a section: its heading and its text."""

    section: str
    section_head: str
    heading: str
    heading_date: str
    text: str
    sentences: list = field(default_factory=list)

    @property
    def record(self):
        """How a citation names the passage: "recognition, “United States Recognition of Peru, 1826.”"."""
        if not self.heading:
            return self.section
        return f"{self.section}, “{self.heading}”"

    def sentence(self, opening):
        """The sentence that begins with ``opening``, or None."""
        return next((sentence for sentence in self.sentences if sentence.startswith(opening)), None)


@dataclass
class CountryGuide:
    repository: object
    title: str
    publication: str
    description: str
    passages: list

    def passage(self, section, heading=""):
        """The passage of ``section`` whose heading begins with ``heading``, or None."""
        for passage in self.passages:
            if passage.section == section and passage.heading.startswith(heading):
                return passage
        return None


def _passage(section, section_head, heading_element, paragraph):
    text = text_of(paragraph)
    heading = text_of(heading_element) if heading_element is not None else ""
    date = heading_element.find(f"{TEI}date") if heading_element is not None else None
    return Passage(
        section=section,
        section_head=section_head,
        heading=heading,
        heading_date=date.get("when", "") if date is not None else "",
        text=text,
        sentences=sentences(text),
    )


def read(repository):
    root = repository.parse(ARTICLE)
    title = text_of(root.find(f".//{TEI}titleStmt/{TEI}title[@type='complete']"))
    if not title:
        raise repository.error(ARTICLE, None, "has no complete title in its header")
    passages = []
    for section in root.iter(f"{TEI}div"):
        if section.get("type") != "section":
            continue
        section_id = section.get(XML_ID, "")
        section_head = child_text(section, f"{TEI}head")
        for paragraph in section.findall(f"{TEI}p"):
            passages.append(_passage(section_id, section_head, None, paragraph))
        for timeline in section.findall(f"{TEI}div[@type='timeline']"):
            heading = timeline.find(f"{TEI}head")
            for paragraph in timeline.findall(f"{TEI}p"):
                passages.append(_passage(section_id, section_head, heading, paragraph))
    if not passages:
        raise repository.error(ARTICLE, None, "has no summary and no timeline")
    return CountryGuide(
        repository=repository,
        title=title,
        publication=text_of(root.find(f".//{TEI}publicationStmt")),
        description=text_of(root.find(f".//{TEI}sourceDesc")),
        passages=passages,
    )
