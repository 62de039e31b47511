"""Two views the site does not have, to test the page cache's rules on what it may keep."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import include, path


def form_with_csrf_token(request):
    return HttpResponse(f'<form method="post"><input name="csrfmiddlewaretoken" value="{get_token(request)}"></form>')


def sets_a_cookie(request):
    response = HttpResponse("Bonjour")
    response.set_cookie("preference", "sombre")
    return response


def plain(request):
    return HttpResponse("Toujours la même chose")


urlpatterns = [
    path("essai/formulaire/", form_with_csrf_token),
    path("essai/cookie/", sets_a_cookie),
    path("essai/simple/", plain),
    path("", include("rameau_site.urls")),
]
