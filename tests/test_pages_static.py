"""In production the pages link to hashed, compressed static files that WhiteNoise serves."""

import re

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client, override_settings

from . import html

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.mark.django_db
def test_pages_use_hashed_compressed_static_files_served_by_whitenoise(tmp_path):
    with override_settings(STORAGES=PRODUCTION_STORAGES, STATIC_ROOT=tmp_path, DEBUG=False):
        call_command("collectstatic", interactive=False, verbosity=0)
        stylesheet = static("css/site.css")
        assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", stylesheet)
        assert (tmp_path / stylesheet.removeprefix("/static/")).with_suffix(".css.gz").exists()

        client = Client()
        page = html.get(client, "/")
        assert html.hrefs(page, 'head link[rel="stylesheet"]') == [stylesheet]

        response = client.get(stylesheet, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200
        assert response["Content-Encoding"] == "gzip"
        assert "immutable" in response["Cache-Control"]
