"""
Which language a request is answered in.

The public pages say it in their address: English at the plain addresses, Spanish under
``/es/``. The editors' interface has one address for both, so it speaks the language the
editor's browser asks for (``Accept-Language``), in English where it asks for neither.
"""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import reverse
from django.utils import translation


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's ``LocaleMiddleware``, and the admin in the language the editor's browser asks for."""

    def process_request(self, request):
        super().process_request(request)
        if request.path_info.startswith(reverse("admin:index")):
            translation.activate(translation.get_language_from_request(request))
            request.LANGUAGE_CODE = translation.get_language()
