"""
Django's file-based cache, made to count its files less often.

Django's ``FileBasedCache`` lists every file of its directory at each ``set``, to see whether
it holds ``MAX_ENTRIES`` already. With the thousands of pages a site's page cache holds,
that listing costs more than rendering a page anew. This one counts at one ``set`` in
``CULL_CHECK_EVERY`` (an option; 100 unless set) in each process, and culls as Django's does
when the count is reached: the directory may hold up to about ``MAX_ENTRIES`` plus
``CULL_CHECK_EVERY`` files for each process writing to it before it is culled.
"""

import itertools

from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
    def __init__(self, location, params):
        options = dict(params.get("OPTIONS", {}))
        self.cull_check_every = int(options.pop("CULL_CHECK_EVERY", 100))
        super().__init__(location, {**params, "OPTIONS": options})
        # Shared by the instances of one process (each thread has its own).
        self._sets = _set_counters.setdefault(str(location), itertools.count(1))

    def _cull(self):
        if next(self._sets) % self.cull_check_every == 0:
            super()._cull()


_set_counters = {}
