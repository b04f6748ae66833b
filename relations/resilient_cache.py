"""
A Redis cache that a Redis server which cannot be reached turns into no cache, not into errors.

While Redis is down or does not answer within the socket timeouts (``OPTIONS`` in
``CACHES``), every read is a miss and every write is dropped, so pages are served uncached.
After a failure this process leaves that Redis alone for ``retry_after`` seconds, in every
thread and for every cache alias on it, so that a server that does not answer at all costs
each request nothing, then tries again: the cache comes back by itself when Redis does.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (ConnectionError, TimeoutError)

# Until when each Redis (by its servers) is left alone by this process, after a failure.
_unreachable_until = {}


class ResilientRedisCache(RedisCache):
    retry_after = 5.0

    def __init__(self, server, params):
        super().__init__(server, params)
        # Django makes an instance for each thread and alias: the servers are what they share.
        self._servers_key = tuple(self._servers)

    def _try(self, operation, missed, *args, **kwargs):
        if time.monotonic() < _unreachable_until.get(self._servers_key, 0.0):
            return missed
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except UNREACHABLE as error:
            _unreachable_until[self._servers_key] = time.monotonic() + self.retry_after
            logger.warning(
                "The cache server cannot be reached (%s): serving uncached for %s seconds.",
                error,
                self.retry_after,
            )
            return missed

    def get(self, key, default=None, version=None):
        return self._try("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._try("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._try("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._try("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._try("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._try("incr", missing, key, delta, version)
        if result is missing:
            raise ValueError(f"Key '{key}' not found: the cache server cannot be reached.")
        return result

    def clear(self):
        return self._try("clear", False)
