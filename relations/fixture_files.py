"""
Reading fixture files, and refusing what would load wrong: a key given twice in one object
(JSON parsers keep the last value silently), a control character (SQLite stores NUL,
PostgreSQL refuses it, no reader sees it), an object given twice (the second would replace
the first). Each refusal names the file and the object.
"""

import json
import re
from pathlib import Path

from django.core import serializers
from django.core.serializers.base import DeserializationError

from . import baselines


class FixtureError(Exception):
    """A fixture that cannot be loaded, with the file and the object it concerns."""


def describe(instance):
    """Name an object as a reader of the fixture files finds it: by its natural key."""
    key = instance.natural_key() if hasattr(instance, "natural_key") else (instance.pk,)
    return f"{instance._meta.label_lower} “{'/'.join(str(part) for part in key)}”"


# C0 control characters other than tab, line feed and carriage return: SQLite stores them,
# PostgreSQL refuses NUL, and no reader can see them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# Reading the files ----------------------------------------------------------------------


class _Object(dict):
    """A JSON object that remembers the keys it was given more than once."""

    duplicates = ()


def _object(pairs):
    result, duplicates = _Object(), []
    for key, value in pairs:
        if key in result:
            duplicates.append(key)
        result[key] = value
    result.duplicates = duplicates
    return result


def _named(item, index):
    """Name the ``index``-th object of a fixture file by what it says it is."""
    if not isinstance(item, dict):
        return f"object {index + 1}"
    fields = item.get("fields") if isinstance(item.get("fields"), dict) else {}
    if "pk" in item:
        key = item["pk"]
    else:
        names = ("content_type", "object_id", "position", "agreement", "country")
        parts = [fields[name] for name in names if name in fields]
        key = "/".join(".".join(map(str, part)) if isinstance(part, list) else str(part) for part in parts)
    return f"object {index + 1} ({item.get('model')} “{key}”)"


def _control_character(value, where=""):
    """The place and code of the first control character in ``value``, or None."""
    if isinstance(value, str):
        match = CONTROL_CHARACTERS.search(value)
        return (where, f"U+{ord(match.group()):04X}") if match else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, inner in items:
        found = _control_character(key, where) or _control_character(inner, f"{where}.{key}".strip("."))
        if found:
            return found
    return None


def check_text(path):
    """
    Refuse a fixture file holding a key given twice in one object or a control character,
    naming the file and the object; JSON parsers otherwise keep the last value silently.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"), object_pairs_hook=_object)
    except (UnicodeDecodeError, ValueError) as error:
        raise FixtureError(f"{Path(path).name}: {error}") from error
    for index, item in enumerate(data if isinstance(data, list) else []):
        for inner in (item, item.get("fields") if isinstance(item, dict) else None):
            if isinstance(inner, _Object) and inner.duplicates:
                raise FixtureError(
                    f"{Path(path).name}: {_named(item, index)}: the key “{inner.duplicates[0]}” is "
                    "given twice; only one value can be kept."
                )
        found = _control_character(item)
        if found:
            where, code = found
            raise FixtureError(
                f"{Path(path).name}: {_named(item, index)}: {where or 'a key'} holds the control "
                f"character {code}."
            )


def _deserialize(path):
    try:
        with open(path, encoding="utf-8") as stream:
            return list(
                serializers.deserialize(
                    "json", stream, handle_forward_references=True, ignorenonexistent=False
                )
            )
    except (DeserializationError, ValueError) as error:
        raise FixtureError(f"{path.name}: {error}") from error


def read(paths):
    """Every object of the files, with its file, after checking the files and the keys."""
    objects, seen = [], {}
    for path in paths:
        check_text(path)
        for deserialized in _deserialize(path):
            try:
                key = baselines.row_key(deserialized.object)
            except Exception as error:
                raise FixtureError(f"{path.name}: {describe(deserialized.object)}: {error}") from error
            if key in seen:
                raise FixtureError(
                    f"{path.name}: {describe(deserialized.object)} is given twice (also in "
                    f"{seen[key].name}); one of them would be lost."
                )
            seen[key] = path
            objects.append((path, deserialized))
    return objects
