"""
The text a search looks in: an entry's searchable fields, in both languages, with accents
and case set aside, kept by the database itself beside the entry.

"Belaunde" finds "Belaúnde" and "peru" finds "Perú": the database keeps each entry's
searchable text with its accented letters replaced by plain ones and in lower case (a
generated column, so every way of saving a row keeps it right), and a search puts its
words through the same replacement before looking for them.
"""

from django.db import models
from django.db.models import Func, Value
from django.db.models.functions import Lower, Replace

# The accented letters of Spanish (and the commonest others in the record's names), and the
# plain letters that stand for them. SQLite's lower() leaves non-ASCII letters as they are, so
# capitals are mapped too. Each letter is one more nested replace(), and SQLite's parser takes
# about thirty: the list stays short.
PLAIN_LETTERS = {
    **dict.fromkeys("áàâÁ", "a"),
    **dict.fromkeys("éèêÉ", "e"),
    **dict.fromkeys("íÍ", "i"),
    **dict.fromkeys("óôÓ", "o"),
    **dict.fromkeys("úüÚÜ", "u"),
    **dict.fromkeys("ñÑ", "n"),
    **dict.fromkeys("çÇ", "c"),
}
_TABLE = str.maketrans(PLAIN_LETTERS)


def plain(text):
    """``text`` as the searchable column holds it: accents replaced, ASCII letters in lower case."""
    return "".join(letter.lower() if letter.isascii() else letter for letter in text.translate(_TABLE))


def searchable(*fields):
    """The expression of a generated column holding ``fields`` as ``plain`` would write them."""
    # Joined with || directly: Concat() nests a level for every field, and the replacements
    # below already take most of the depth SQLite's parser allows.
    expression = Func(
        *[models.F(field) for field in fields],
        template="(%(expressions)s)",
        arg_joiner=" || ' ' || ",
        output_field=models.TextField(),
    )
    for accented, letter in PLAIN_LETTERS.items():
        expression = Replace(expression, Value(accented), Value(letter), output_field=models.TextField())
    return Lower(expression)


def search_text_field(*fields):
    return models.GeneratedField(
        expression=searchable(*fields),
        output_field=models.TextField(),
        db_persist=True,
        verbose_name="searchable text",
    )
