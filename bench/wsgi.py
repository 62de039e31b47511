"""The production WSGI application, plus the uploaded media files for the benchmark.

In production a proxy, a CDN or object storage serves /media/; gunicorn never does. The
benchmark has none of them, so WhiteNoise serves MEDIA_ROOT here, for Lighthouse's images.
"""

import os

from whitenoise import WhiteNoise

from rameau_site.wsgi import application as site

application = WhiteNoise(site, root=os.environ["MEDIA_ROOT"], prefix="/media/", max_age=3600)
