"""
A few views that test the page cache's rules on their own, without language prefixes, so
that the language comes from the browser's Accept-Language.
"""

from django.contrib import admin
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from relations.serving import cache_public_page

# The paths of the requests these views answered.
calls = []


def counted(view):
    def counting_view(request):
        calls.append(request.path)
        return view(request)

    return counting_view


def plain(request):
    return HttpResponse("Hello")


def with_cookie(request):
    response = HttpResponse("Hello")
    response.set_cookie("seen", "yes")
    return response


def with_csrf_token(request):
    return HttpResponse(f"<input name=csrfmiddlewaretoken value={get_token(request)}>")


def language(request):
    return HttpResponse(get_language())


def varying_by_user_agent(request):
    response = HttpResponse("Hello")
    patch_vary_headers(response, ["User-Agent"])
    return response


urlpatterns = [
    path("admin/", admin.site.urls),
    path("unmarked/", counted(plain)),
    *[
        path(f"{view.__name__}/", cache_public_page(counted(view)))
        for view in [plain, language, with_cookie, with_csrf_token, varying_by_user_agent]
    ],
]
