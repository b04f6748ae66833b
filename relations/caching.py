"""
The page cache: public pages cached whole, all invalidated at once when any content changes.

Every page is cached under a key made of the *content version*, a token kept in a shared
cache (the pages are in another), and of what the page depends on: its absolute URL (scheme, host,
path and query string), the active language and the release of the code that renders it.
Any change to the content (a save or delete of a row of the record, a change to one of its
many-to-many relations, a load, an import, a revert) replaces the token, so that no page
cached before is read again by any process sharing the cache; the old pages expire by
themselves. A change made in a transaction replaces the token when the transaction commits,
once for the whole transaction, so that no page rendered from the database before the
commit is kept under the new token. Bulk writes, which send no signals, call
``content_changed()`` themselves.

Views mark their pages as public with ``cache_public_page`` (relations/urls.py); the
``PageCacheMiddleware`` keeps what they render for readers and serves it to the next ones
before the rest of the middleware, URL resolution and the view run. The key gives each page
its ETag, and the content version's age its Last-Modified, so that a browser revalidating
an unchanged page gets a 304. Pages are kept compressed, and served so to browsers that
accept gzip, as all do.

Requests with a session cookie (editors) neither read nor fill the cache, and a logged-in
user's pages are marked never to be cached: they always come fresh from the database.
"""

import gzip
import hashlib
import logging
import re
import secrets
import time
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import HttpResponse
from django.utils.cache import (
    add_never_cache_headers,
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date
from django.utils.text import compress_string
from reversion.models import Revision, Version

from . import languages
from .code_release import release

logger = logging.getLogger(__name__)

VERSION_KEY = "relations:content-version"

# Headers set for each response served; the cached copy keeps the others.
OWN_HEADERS = {"etag", "last-modified", "cache-control", "expires", "vary", "content-length"}

# What the cache key, the session rule and the compression already account for.
HANDLED_VARY = {"cookie", "accept-language", "accept-encoding"}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def recent_pages():
    # The pages this process served last, in its own memory ("recent-pages"): a page is
    # read there without reading the shared cache's file or server.
    return caches["recent-pages"]


def kept(key, own, shared):
    """
    What the cache ``shared`` keeps under ``key``, or None: read first from ``own``, a cache in
    this process's memory, else from ``shared`` and then copied into ``own``.

    Whatever is kept under a key of the content version stays true for as long as it is
    kept, so a process's copy is as good as the shared one: once the content changes, the
    key changes, and neither is read again.
    """
    value = own.get(key)
    if value is None:
        value = shared.get(key)
        if value is not None:
            own.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


def keep(key, value, own, shared):
    """Keep ``value`` under ``key`` in the cache ``shared``, and in ``own``, this process's copy of it."""
    own.set(key, value, settings.PAGE_CACHE_SECONDS)
    shared.set(key, value, settings.PAGE_CACHE_SECONDS)


def version_cache():
    # Apart from the pages, so that no number of them can crowd the version out.
    return caches[settings.CONTENT_VERSION_CACHE_ALIAS]


# The content version.


def _new_version():
    return (time.time(), secrets.token_hex(8))


# The content version a public page is being made under: read once, when the page cache
# looks the page up, so that the page and every fragment and figure in it belong to one.
_page_version = ContextVar("relations_page_version", default=None)


def content_version():
    """
    Return the current content version, (the time it was made, its token): the one the page
    being made is kept under, or else the one in the shared cache.

    A cache that has lost the version (emptied, restarted, culled) gets a new one, so that
    the pages cached under the lost one are never served again.
    """
    kept = _page_version.get()
    if kept is not None:
        return kept
    cache = version_cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        version = _new_version()
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    return version


def _replace_version():
    try:
        version_cache().set(VERSION_KEY, _new_version(), timeout=None)
    except Exception:
        # The edit itself has been saved; pages cached before it expire after
        # PAGE_CACHE_SECONDS at the latest.
        logger.exception("Could not replace the content version: cached pages may be out of date.")


def changes_pending(using=DEFAULT_DB_ALIAS):
    """Return True if the connection ``using`` holds changes to the content not committed yet."""
    connection = transaction.get_connection(using)
    return connection.in_atomic_block and any(
        func is _replace_version for _sids, func, _robust in connection.run_on_commit
    )


def versioned(*parts):
    """
    A key for something worked out from the content (a figure, a fragment of a page):
    ``parts`` under the release of the code and the content version, so that nothing kept
    under it is read once either has changed.

    None while this connection holds changes not committed yet: what it would work out is
    not yet, or may never be, what others see, so it is neither read nor kept.
    """
    if changes_pending():
        return None
    _made, token = content_version()
    return "|".join([release(), token, *map(repr, parts)])


def content_changed(using=DEFAULT_DB_ALIAS):
    """
    Mark every cached page out of date: content changed through the database ``using``.

    Outside a transaction, the version is replaced at once. Inside one, it is replaced at
    the first change and again when the transaction commits, once however many rows it
    changes: other connections see none of the changes before the commit, and until then
    this connection's own requests neither read nor fill the page cache.
    """
    if not transaction.get_connection(using).in_atomic_block:
        _replace_version()
    elif not changes_pending(using):
        _replace_version()
        transaction.on_commit(_replace_version, using=using, robust=True)


def _note_change(sender, using=DEFAULT_DB_ALIAS, action=None, **kwargs):
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed: the pre_* signals change nothing yet.
    content_changed(using)


def content_models():
    """The models whose rows the public pages show: every model of the record."""
    return list(apps.get_app_config("relations").get_models())


def connect_signals():
    """Replace the content version whenever a row of the record, or a relation, changes."""
    for model in content_models():
        uid = f"relations_page_cache_{model._meta.label_lower}"
        post_save.connect(_note_change, sender=model, dispatch_uid=f"{uid}_save")
        post_delete.connect(_note_change, sender=model, dispatch_uid=f"{uid}_delete")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_note_change, sender=through, dispatch_uid=f"{uid}_{field.name}")
    # The pages show the versions of entries too: a permanent link to each, and their pages.
    for model in [Revision, Version]:
        uid = f"relations_page_cache_{model._meta.label_lower}"
        post_save.connect(_note_change, sender=model, dispatch_uid=f"{uid}_save")
        post_delete.connect(_note_change, sender=model, dispatch_uid=f"{uid}_delete")
    # Data migrations save through historical models, which the receivers above never see.
    post_migrate.connect(_note_change, dispatch_uid="relations_page_cache_migrate")


# Serving pages.


@dataclass(frozen=True)
class PageKey:
    """Where a request's page is cached, and its validators."""

    key: str
    etag: str
    version_made: float

    @classmethod
    def for_request(cls, request, host, version):
        made, token = version
        # The scheme and host too, not the path alone: the canonical link names them.
        page = f"{request.scheme}://{host}{request.get_full_path()}"
        digest = hashlib.blake2b(
            f"{release()}|{token}|{languages.page_language(request)}|{page}".encode(), digest_size=16
        ).hexdigest()
        # Weak: the page compressed and the page as it is are the same page.
        return cls(key=f"relations:page:{digest}", etag=f'W/"{digest}"', version_made=made)

    def last_modified(self):
        """
        When the content last changed, as a timestamp, or None within the first second of
        the version.

        Last-Modified has whole seconds only: a page served in the very second its version
        was made could change again within that second and still look unmodified to a
        browser that revalidates by date alone.
        """
        if time.time() - self.version_made < 1:
            return None
        return int(self.version_made)


def cache_public_page(view):
    """
    Mark a view's pages as public: PageCacheMiddleware caches them for readers.

    A logged-in user's page is marked never to be cached, by anyone.
    """

    @wraps(view)
    def public_page(request, *args, **kwargs):
        request.is_public_page = True
        response = view(request, *args, **kwargs)
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            add_never_cache_headers(response)
        return response

    return public_page


class PageCacheMiddleware:
    """
    Serve readers' public pages from the page cache, with conditional GET, and keep the
    pages of the views marked with ``cache_public_page``.

    It reads the cache for GET and HEAD requests without a session cookie, so without a
    logged-in user, before any middleware below it runs: a page served from the cache is
    the response the view and those middleware made when it was cached, their headers
    included (the content security policy and the frame protection among them), so that
    none of them runs again for each reader. Middleware that must see every request or
    response (the HTTPS redirect, the limit on query strings) goes above it. Static files,
    which WhiteNoise serves below it, are passed straight on.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.static_prefix = "/" + (settings.STATIC_URL or "").lstrip("/")

    def __call__(self, request):
        if (
            request.method not in {"GET", "HEAD"}
            or request.path_info.startswith(self.static_prefix)
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or changes_pending()
        ):
            return self.get_response(request)
        try:
            host = request.get_host()
        except DisallowedHost:
            return self.get_response(request)  # Refused below, with the reason.
        try:
            version = content_version()
            key = PageKey.for_request(request, host, version)
            stored = kept(key.key, recent_pages(), page_cache())
        except Exception:
            logger.exception("Could not read the page cache; the page is served uncached.")
            return self.get_response(request)
        if stored is not None:
            response = get_conditional_response(
                request, etag=key.etag, last_modified=key.last_modified()
            ) or _from_cache(request, stored)
            return _with_validators(response, key)
        made_under = _page_version.set(version)
        try:
            response = self.get_response(request)
        finally:
            _page_version.reset(made_under)
        if not getattr(request, "is_public_page", False) or not _cacheable(request, response):
            return response
        if response.streaming:
            _store_as_streamed(key, response)
        else:
            # Served as kept: the first reader, too, gets the page compressed.
            stored = _store(key, response.status_code, _headers(response), response.content)
            response = _from_cache(request, stored)
        response = _with_validators(response, key)
        return get_conditional_response(request, key.etag, key.last_modified(), response) or response


def _cacheable(request, response):
    if request.method != "GET" or response.status_code != 200:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # A page with a cookie or a CSRF token belongs to one visitor.
    cache_control = response.get("Cache-Control", "").lower()
    if "private" in cache_control or "no-store" in cache_control:
        return False
    varies = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header}
    return varies <= HANDLED_VARY


def _headers(response):
    return [(name, value) for name, value in response.items() if name.lower() not in OWN_HEADERS]


def _store(key, status, headers, content):
    encoding = ""
    # Compressed once here rather than for every reader; most of them take it as it is.
    if len(content) >= 200 and not any(name.lower() == "content-encoding" for name, _value in headers):
        compressed = compress_string(content)
        if len(compressed) < len(content):
            content, encoding = compressed, "gzip"
    stored = (status, headers, content, encoding)
    try:
        keep(key.key, stored, recent_pages(), page_cache())
    except Exception:
        logger.exception("Could not cache the page %s.", key.key)
    return stored


def _store_as_streamed(key, response):
    """
    Keep a streamed response (a download) as it goes out, once it has gone out whole.

    One that the reader stops taking, or that grows past PAGE_CACHE_MAX_BYTES, is sent on as
    ever but not kept, so that no download is held in memory beyond that size.
    """
    status, headers, chunks = response.status_code, _headers(response), response.streaming_content

    def keeping():
        kept, size = [], 0
        for chunk in chunks:
            if kept is not None:
                size += len(chunk)
                if size > settings.PAGE_CACHE_MAX_BYTES:
                    kept = None
                else:
                    kept.append(chunk)
            yield chunk
        if kept is not None:
            _store(key, status, headers, b"".join(kept))

    response.streaming_content = keeping()


def _from_cache(request, stored):
    status, headers, content, encoding = stored
    response = HttpResponse(status=status, headers=dict(headers))
    if encoding and ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        response["Content-Encoding"] = encoding
    elif encoding:
        content = gzip.decompress(content)
    response.content = content
    response["Content-Length"] = len(content)
    return response


def _with_validators(response, key):
    response["ETag"] = key.etag
    last_modified = key.last_modified()
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    # Whether a page may come from the cache depends on the session cookie, and whether
    # it comes compressed on what the browser accepts.
    if response.has_header("Vary") or response.has_header("Cache-Control"):
        patch_vary_headers(response, ["Cookie", "Accept-Encoding"])
        patch_cache_control(response, public=True, max_age=settings.PAGE_MAX_AGE)
    else:  # A page from the cache, stored without either: the same, without parsing.
        response["Vary"] = "Cookie, Accept-Encoding"
        response["Cache-Control"] = f"public, max-age={settings.PAGE_MAX_AGE}"
    return response
