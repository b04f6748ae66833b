"""
The interface strings a page shows in English where it should not: its text checked against
the English of the catalogue.

Every English string of the catalogue whose Spanish differs is looked for, piece by piece
between its placeholders, in the page's interface text: its words and its labels (``title``,
``aria-label``, ``placeholder``, a button's value, the meta description), without the parts
that are rightly in another language (an element marked with another ``lang``) or in their
source's words (quotations, source titles).
"""

import re
from functools import cache

import lxml.html
import polib
from django.conf import settings

CATALOGUE = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}|<br>")
LABELS = ["title", "aria-label", "placeholder", "alt"]
NOT_INTERFACE = "//blockquote | //q | //cite | //script | //style | //*[@translate='no']"


@cache
def english_pieces():
    """The English pieces of the catalogue's strings, each with the string it comes from."""
    pieces = {}
    for entry in polib.pofile(str(CATALOGUE)):
        pairs = [(entry.msgid, entry.msgstr)]
        if entry.msgid_plural:
            pairs = [(entry.msgid, entry.msgstr_plural[0]), (entry.msgid_plural, entry.msgstr_plural[1])]
        for english, spanish in pairs:
            for piece in PLACEHOLDER.split(english):
                piece = piece.strip(" .,:;()“”\"'")
                # Two-letter words ("by", "of") are as likely in a proper name as in a leftover.
                if sum(char.isalpha() for char in piece) >= 3 and piece not in spanish:
                    pieces.setdefault(piece, english)
    return pieces


def interface_text(html):
    """The text of ``html`` that the interface wrote in the page's language, labels included."""
    document = lxml.html.fromstring(html)
    for element in document.xpath(
        f"//body//*[@lang and @lang != '{document.get('lang')}'] | {NOT_INTERFACE}"
    ):
        element.drop_tree()
    texts = [document.text_content()]
    for element in document.iter():
        texts.extend(element.get(label) or "" for label in LABELS)
        if element.tag == "meta" and element.get("name") == "description":
            texts.append(element.get("content") or "")
        if element.tag in ("input", "button") and element.get("type") in ("submit", "button"):
            texts.append(element.get("value") or "")
    return "\n".join(texts)


def english_left(html):
    """The English strings of the catalogue that ``html`` shows untranslated: (piece, string)."""
    text = interface_text(html)
    return sorted(
        (piece, english)
        for piece, english in english_pieces().items()
        if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", text)
    )
