"""
A clone of one of the Office of the Historian's data repositories, and its XML files.

A ``Repository`` knows its folder, its name on GitHub and, where the folder is a git clone,
the commit checked out. It reads XML with the standard library's parser and turns every
problem with a file into a ``DataError`` that names the file, the record and the reason.
The text of the Office's records is kept as written, with the line-wrapping of the XML
collapsed to single spaces.
"""

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

from relations.importing import DataError

OWNER = "HistoryAtState"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

_SPACES = re.compile(r"\s+")
_COMMIT = re.compile(r"^[0-9a-f]{40}$")


def collapsed(text):
    """``text`` with each run of white space, line breaks included, made one space."""
    return _SPACES.sub(" ", text or "").strip()


def text_of(element):
    """All the text inside ``element``, collapsed; "" for a missing element."""
    return collapsed("".join(element.itertext())) if element is not None else ""


def child_text(element, path):
    return text_of(element.find(path))


def git_commit(folder):
    """The commit checked out in ``folder`` if it is a git clone, read from .git; else None."""
    git = Path(folder) / ".git"
    if git.is_dir():
        head = (git / "HEAD").read_text(encoding="ascii").strip()
        if _COMMIT.match(head):
            return head
        if head.startswith("ref: "):
            ref = head[5:].strip()
            loose = git / ref
            if loose.is_file():
                return loose.read_text(encoding="ascii").strip()
            packed = git / "packed-refs"
            if packed.is_file():
                for line in packed.read_text(encoding="ascii").splitlines():
                    commit, _, name = line.partition(" ")
                    if name == ref and _COMMIT.match(commit):
                        return commit
    if git.exists():
        # A worktree or submodule keeps its .git elsewhere: let git say.
        try:
            result = subprocess.run(
                ["git", "-C", str(folder), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
            )
        except (OSError, subprocess.CalledProcessError):
            return None
        commit = result.stdout.strip()
        return commit if _COMMIT.match(commit) else None
    return None


@dataclass
class Repository:
    """One repository's folder, as a clone (or a copy of one) gives it."""

    name: str
    root: Path
    commit: str | None
    parsed: set = field(default_factory=set)

    @classmethod
    def open(cls, directory, name):
        """The repository ``name`` in ``directory``, or None if there is no such folder."""
        root = Path(directory) / name
        if not root.is_dir():
            return None
        return cls(name, root, git_commit(root))

    @property
    def full_name(self):
        return f"{OWNER}/{self.name}"

    @property
    def url(self):
        return f"https://github.com/{self.full_name}"

    def locator(self, path, record):
        """
        "HistoryAtState/pocom@<commit>, missions-countries/peru.xml, pe-1826-cool-01": the
        repository (with its commit, where known), the file and the record.
        """
        at = f"@{self.commit}" if self.commit else ""
        return f"{self.full_name}{at}, {path}, {record}"

    def files(self, folder, pattern="*.xml"):
        """The paths, relative to the repository, of the files matching ``pattern`` in ``folder``."""
        base = self.root / folder
        if not base.is_dir():
            return []
        return sorted(str(path.relative_to(self.root)) for path in base.rglob(pattern) if path.is_file())

    def read_bytes(self, path):
        try:
            return (self.root / path).read_bytes()
        except OSError as error:
            raise self.error(path, None, f"cannot be read ({error.strerror})") from error

    def parse(self, path):
        """The root element of the XML file ``path``; a file that is not well formed is refused."""
        data = self.read_bytes(path)
        self.parsed.add(path)
        try:
            return ElementTree.fromstring(data)
        except ElementTree.ParseError as error:
            line, column = error.position
            raise self.error(path, None, f"is not well-formed XML (line {line}, column {column})") from error

    def files_read(self, main=None):
        """The files parsed, in a few words: "articles/peru.xml", "a.xml and 3 more files in b/"."""
        paths = sorted(self.parsed, key=lambda path: (path != main, path))
        if not paths:
            return "no file"
        first, others = paths[0], paths[1:]
        if not others:
            return first
        folders = sorted({path.split("/")[0] + "/" for path in others})
        return f"{first} and {len(others)} more file{'s' if len(others) > 1 else ''} in {', '.join(folders)}"

    def error(self, path, record, reason):
        where = f"{self.name}/{path}" + (f", record {record}" if record else "")
        return DataError(f"{where}: {reason}")


def unique(repository, path, records, id_of):
    """Refuse two records of one file with the same id: one would silently replace the other."""
    seen = set()
    for record in records:
        record_id = id_of(record)
        if record_id in seen:
            raise repository.error(path, record_id, "this id is given to two records")
        seen.add(record_id)
    return records
