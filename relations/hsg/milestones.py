"""
Reading *Milestones in the History of U.S. Foreign Relations* (the milestones repository).

Every paragraph of a chapter that names Peru, with its section (id, heading, the dates of
the heading) and the sentences that name Peru. No section is tagged for Peru, so the
paragraphs are found by their words; only the chapters that mention Peru are parsed.
"""

import re
from dataclasses import dataclass, field

from .rdcr import sentences
from .repository import TEI, XML_ID, child_text, text_of

MENTIONS = re.compile(r"\bPeru(?:vian)?\b")


@dataclass
class Paragraph:
    path: str
    chapter: str
    section: str
    section_head: str
    text: str
    mentioning: list = field(default_factory=list)

    @property
    def url(self):
        chapter = self.path.rsplit("/", 1)[-1].removesuffix(".xml")
        return f"https://history.state.gov/milestones/{chapter}/{self.section}"

    def sentence(self, opening):
        return next((sentence for sentence in sentences(self.text) if sentence.startswith(opening)), None)


def read(repository):
    paragraphs = []
    for path in repository.files("chapters"):
        if not MENTIONS.search(repository.read_bytes(path).decode("utf-8", "replace")):
            continue
        root = repository.parse(path)
        chapter = text_of(root.find(f".//{TEI}titleStmt/{TEI}title[@type='complete']"))
        for section in root.iter(f"{TEI}div"):
            section_id = section.get(XML_ID)
            if section.get("type") != "section" or not section_id:
                continue
            head = child_text(section, f"{TEI}head")
            for paragraph in section.findall(f"{TEI}p"):
                text = text_of(paragraph)
                if MENTIONS.search(text):
                    found = [sentence for sentence in sentences(text) if MENTIONS.search(sentence)]
                    paragraphs.append(Paragraph(path, chapter, section_id, head, text, found))
    return paragraphs
