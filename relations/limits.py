"""
Bounds on the work one request can ask of the site.

A query string is at most ``MAX_QUERY_STRING`` characters (longer ones are refused before any
view runs), and a search at most ``MAX_SEARCH_WORDS`` words of at most ``MAX_SEARCH_LENGTH``
characters in all: each word is one more condition on every searched field, so an unbounded
search would cost the database without bound (SQLite refuses one of about a thousand words).
The admin's searches are bounded alike, by ``BoundedAdminSearch``.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.text import format_lazy, smart_split
from django.utils.translation import gettext_lazy as _

MAX_QUERY_STRING = 4096
MAX_SEARCH_WORDS = 12
MAX_SEARCH_LENGTH = 200

SEARCH_HELP = format_lazy(_("Up to {words} words."), words=MAX_SEARCH_WORDS)
TOO_MANY_WORDS = _("Search for at most %(limit)d words at a time (this search has %(count)d).")


def validate_search_words(value):
    """Refuse a search of more than ``MAX_SEARCH_WORDS`` words, saying how many it has."""
    count = len(value.split())
    if count > MAX_SEARCH_WORDS:
        raise ValidationError(
            TOO_MANY_WORDS,
            code="too_many_words",
            params={"limit": MAX_SEARCH_WORDS, "count": count},
        )


class BoundedAdminSearch:
    """
    A ``ModelAdmin`` mixin: a search of more than ``MAX_SEARCH_WORDS`` words (the admin counts
    a quoted phrase as one) finds nothing and says why, instead of asking the database for a
    condition per word on every search field.
    """

    def get_search_results(self, request, queryset, search_term):
        count = len(list(smart_split(search_term)))
        if count > MAX_SEARCH_WORDS:
            messages.warning(
                request,
                TOO_MANY_WORDS % {"limit": MAX_SEARCH_WORDS, "count": count},
            )
            return queryset.none(), False
        return super().get_search_results(request, queryset, search_term)


class QueryStringLimitMiddleware:
    """Answer a request whose query string is longer than ``MAX_QUERY_STRING`` with HTTP 400."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
            response = TemplateResponse(
                request,
                "400.html",
                {
                    "message": _(
                        "This address is too long: the part after “?” may have at most "
                        "%(limit)d characters. Search for fewer words or choose fewer filters."
                    )
                    % {"limit": MAX_QUERY_STRING}
                },
                status=400,
            )
            return response.render()
        return self.get_response(request)
