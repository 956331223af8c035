"""The project's URLs plus the media files, for browser tests that show pictures.

Tests keep media in Django's in-memory storage, which no web server reads.
"""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.urls import path

from cms.urls import urlpatterns as project_urls


def media(request, name):
    if not default_storage.exists(name):
        raise Http404
    return FileResponse(default_storage.open(name))


urlpatterns = [path("media/<path:name>", media), *project_urls]
