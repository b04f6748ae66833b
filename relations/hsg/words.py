"""
How the import writes: dates in words, the site's spelling of names, and the quotations
that give a register record's own words with the labels the Office publishes them under.
"""

import re

from django.utils import translation

from relations.partial_dates import PartialDate

from .editorial import SPELLINGS

_SPELLINGS = re.compile("|".join(re.escape(written) for written in SPELLINGS))

# The labels history.state.gov gives the dates of a register record.
CHIEF_LABELS = {
    "appointed": "Appointed",
    "arrived": "Arrived",
    "started": "Credentials presented",
    "ended": "Termination of mission",
}
PRINCIPAL_LABELS = {
    "appointed": "Appointed",
    "started": "Entry on duty",
    "ended": "Termination of appointment",
}


def partial(value):
    """The PartialDate written ``value`` ("1826", "1838-06", "1826-05-02"), or None for none."""
    return PartialDate.parse(value) if value else None


def formatted(date):
    """A partial date in words, "2 May 1826", whatever language is active."""
    with translation.override("en"):
        return str(date)


def spelled(text):
    """``text`` with names spelt as the site spells them."""
    return _SPELLINGS.sub(lambda match: SPELLINGS[match.group()], text or "")


def sentence(text):
    text = (text or "").strip()
    return text if not text or text.endswith((".", "!", "?", "”")) else f"{text}."


def chief_quotation(chief, role_title, labels=CHIEF_LABELS):
    """A register record in words: the role, each date with its qualifier, the note."""
    parts = [role_title + (" (other nominees)" if chief.listed == "other-nominees" else "")]
    for name, label in labels.items():
        words = getattr(chief, name).words()
        if words:
            parts.append(f"{label}: {words}")
    if chief.note:
        parts.append(f"Note: {chief.note}")
    return " ".join(sentence(part) for part in parts)


def person_quotation(person, career_label, state):
    """A register's person file in words."""
    facts = [
        person.name,
        f"born {person.birth}" if person.birth else "",
        f"died {person.death}" if person.death else "",
        career_label,
        f"state of residence: {state}" if state else "",
    ]
    return "; ".join(fact for fact in facts if fact) + "."


def place_name(territory_id):
    """A territory of the register as the Office's own pages name it: "el-salvador" is "El Salvador"."""
    return " ".join(word.capitalize() for word in territory_id.split("-"))


def volume(volume_id):
    """ "frus1952-54v04" is "FRUS 1952–54, vol. 4"; "frus1969-76ve11p2", "FRUS 1969–76, vol. E-11, part 2"."""
    match = re.fullmatch(r"frus(\d{4})(?:-(\d{2,4}))?(.*)", volume_id)
    if not match:
        return volume_id
    years = match[1] + (f"–{match[2]}" if match[2] else "")
    rest = match[3]
    number = re.fullmatch(r"v(e?)(\d+)(?:p(\d+))?", rest)
    if number:
        prefix = "E-" if number[1] else ""
        part = f", part {number[3]}" if number[3] else ""
        return f"FRUS {years}, vol. {prefix}{int(number[2])}{part}"
    names = {"Supp": "Supplement", "Intel": "Intelligence Community"}
    return f"FRUS {years}, {names.get(rest, rest)}" if rest else f"FRUS {years}"


def inverted(name):
    """ "Berckemeyer Pazos, Fernando" as "Fernando Berckemeyer Pazos"; "Irwin, John Nichol, II" too."""
    surname, _, rest = name.partition(", ")
    forename, _, suffix = rest.partition(", ")
    return " ".join(part for part in (forename, surname, suffix) if part)
