"""
Which language a request is answered in.

The public pages say it in their address: English at the plain addresses, Spanish under
``/es/``. The editors' interface has one address for both, so it speaks the language the
editor's browser asks for (``Accept-Language``), in English where it asks for neither.
"""

from functools import cache

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import get_script_prefix, reverse
from django.utils import translation


@cache
def admin_path():
    """The admin's address as ``path_info`` gives it: without the prefix the site is served under."""
    return "/" + reverse("admin:index").removeprefix(get_script_prefix())


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's ``LocaleMiddleware``, and the admin in the language the editor's browser asks for."""

    def process_request(self, request):
        super().process_request(request)
        if request.path_info.startswith(admin_path()):
            translation.activate(translation.get_language_from_request(request))
            request.LANGUAGE_CODE = translation.get_language()


def page_language(request):
    """
    The language the locale middleware will answer ``request`` in, decided as Django's
    ``LocaleMiddleware`` decides it, for what must know it before that runs (the page cache).
    The admin, never cached, is left out: it speaks the editor's language.

    Under the site's language prefixes that is the language the address names (``/es/…``),
    or the default at the plain addresses, whatever the browser asks for; elsewhere it is
    the language of the cookie or the browser's Accept-Language.
    """
    from_path = translation.get_language_from_path(request.path_info)
    if from_path:
        return from_path
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
    if i18n_patterns_used and not prefixed_default_language:
        return settings.LANGUAGE_CODE
    return translation.get_language_from_request(request, check_path=i18n_patterns_used)
