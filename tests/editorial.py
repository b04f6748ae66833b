"""
Driving the admin as an editor does: the addresses of an entry's admin pages, its versions,
a change made by opening the rendered form, changing a field and saving it, and the fixture
files that an export of the edits writes.
"""

from pathlib import Path

from reversion.models import Version

from . import forms

# The prefix of the citations inline in an entry's change form.
CITATIONS = "relations-citation-content_type-object_id"


def change_url(obj):
    return f"/admin/relations/{obj._meta.model_name}/{obj.pk}/change/"


def history_url(obj):
    return f"/admin/relations/{obj._meta.model_name}/{obj.pk}/history/"


def compare_url(obj):
    return f"/admin/relations/{obj._meta.model_name}/{obj.pk}/history/compare/"


def revision_url(obj, version):
    return f"/admin/relations/{obj._meta.model_name}/{obj.pk}/history/{version.pk}/"


def versions(obj):
    """The versions of ``obj`` recorded so far, oldest first."""
    return list(Version.objects.get_for_object(obj).order_by("pk"))


def form_of(response, form_id):
    """What a browser would submit, unchanged, from the form ``form_id`` of the page."""
    assert response.status_code == 200, response.status_code
    return forms.form_data(response.content.decode(), form_id)


def change(client, obj, **changes):
    """Open ``obj``'s change form, make ``changes`` and save it; return the response."""
    data = form_of(client.get(change_url(obj)), f"{obj._meta.model_name}_form")
    data.update(changes)
    return client.post(change_url(obj), data)


def fixture_files(directory):
    """The fixture files in ``directory``: {name: contents}."""
    return {path.name: path.read_bytes() for path in sorted(Path(directory).glob("*.json"))}
