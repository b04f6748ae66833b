"""
The editorial groups, kept up to date on every deployment after each migrate.

Editors add and change content (and remove the citations and ratifications inside an
entry), see each entry's history, compare its versions, revert to any of them and recover
deleted entries, but cannot delete entries or manage users. Senior editors may also delete
entries and change the list of countries.

The history needs the model's view (or change) permission, reverting its change permission
and recovering both its add and change permissions: what the admin of every entry asks.
"""

from django.contrib.auth.models import Group, Permission

from .models import EDITED_MODELS, PART_MODELS, Country

EDITORS = "Editors"
SENIOR_EDITORS = "Senior editors"


def codenames(actions, models):
    return [f"{action}_{model._meta.model_name}" for model in models for action in actions]


GROUP_PERMISSIONS = {
    EDITORS: [
        *codenames(["add", "change", "view"], EDITED_MODELS),
        *codenames(["add", "change", "delete", "view"], PART_MODELS),
        *codenames(["view"], [Country]),
    ],
}
GROUP_PERMISSIONS[SENIOR_EDITORS] = [
    *GROUP_PERMISSIONS[EDITORS],
    *codenames(["delete"], EDITED_MODELS),
    *codenames(["add", "change"], [Country]),
]


def ensure_editor_groups(**kwargs):
    """Create the editorial groups and give them exactly their permissions."""
    for name, wanted in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="relations", codename__in=wanted)
        group.permissions.set(permissions)
