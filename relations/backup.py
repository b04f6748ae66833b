"""
The format of a backup: JSON as ``dumpdata`` writes it, every row with its own key, but
accounts and groups written by name.

A revision's versions name the rows they are of by key (a citation's number, a
ratification's), so a restored row must keep the key it had: written by natural key, as
``--natural-primary`` writes every row that has one, a citation would be numbered afresh on
restore and its revisions would belong to another citation or to none. Groups are the
exception: ``migrate`` makes the editors' group in the fresh database, and the backup's is
matched to it by name, whatever number either database gave it.
"""

from django.core.serializers.json import Deserializer  # noqa: F401 (read back as JSON)
from django.core.serializers.json import Serializer as JSONSerializer

BY_NAME = {"auth.group", "auth.user"}


class Serializer(JSONSerializer):
    def get_dump_object(self, obj):
        data = super().get_dump_object(obj)
        if obj._meta.label_lower in BY_NAME:
            del data["pk"]
        return data
