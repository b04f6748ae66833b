"""
The public pages' templates, read without the indentation of their lines.

Templates are indented for whoever edits them; a reader needs none of it, and on a list of
forty items or a page of thirty notes the indentation is a tenth of the HTML. When a template
is read (once, before it is compiled and cached), the spaces that begin each line and the
blank lines are left out. A line break stays wherever there was one, so no two words run
together. Left as they are: a template with a ``<pre>`` or a ``<textarea>``, whose spaces are
shown, and the admin's templates, whose version comparisons show their cells' spaces.
"""

import re

from django.template.loaders import filesystem

# A line break, with the spaces after it and any blank lines that follow.
INDENTED = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")
SPACES_SHOWN = re.compile(r"<(?:pre|textarea)\b")


class Loader(filesystem.Loader):
    def get_contents(self, origin):
        contents = super().get_contents(origin)
        if origin.template_name.startswith("admin/") or SPACES_SHOWN.search(contents):
            return contents
        return INDENTED.sub("\n", contents)
