"""WSGI entry point for gunicorn; production settings unless told otherwise. A process that
serves visitors prepares each new content version before they get it (warming.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rameau_site.settings.production")

application = get_wsgi_application()

from rameau_site import warming  # noqa: E402 - Django is set up by get_wsgi_application()

warming.install()
