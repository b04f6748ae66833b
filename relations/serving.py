"""
Serving pages from the page cache: public pages cached whole, under the content version
(relations/caching.py), so that all are out of date at once when any content changes.

Each page's key holds its absolute URL (scheme, host, path and query string), the active
language, the release of the code that renders it and the content version. Views mark their
pages as public with ``cache_public_page`` (relations/urls.py); the ``PageCacheMiddleware``
keeps what they render for readers and serves it to the next ones before the rest of the
middleware, URL resolution and the view run. The key gives each page its ETag, and the
content version's age its Last-Modified, so that a browser revalidating an unchanged page
gets a 304. Pages are kept compressed, and served so to browsers that accept gzip, as all do.

Requests with a session cookie (editors) neither read nor fill the cache, and a logged-in
user's pages are marked never to be cached: they always come fresh from the database.
"""

import gzip
import hashlib
import logging
import re
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.exceptions import DisallowedHost
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

from . import languages
from .caching import changes_pending, content_version, keep, kept, made_under, page_cache, recent_pages
from .code_release import release

logger = logging.getLogger(__name__)

# Headers set for each response served; the cached copy keeps the others.
OWN_HEADERS = {"etag", "last-modified", "cache-control", "expires", "vary", "content-length"}

# What the cache key, the session rule and the compression already account for.
HANDLED_VARY = {"cookie", "accept-language", "accept-encoding"}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


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
        with made_under(version):
            response = self.get_response(request)
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
        sent, size = [], 0
        for chunk in chunks:
            if sent is not None:
                size += len(chunk)
                if size > settings.PAGE_CACHE_MAX_BYTES:
                    sent = None
                else:
                    sent.append(chunk)
            yield chunk
        if sent is not None:
            _store(key, status, headers, b"".join(sent))

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
