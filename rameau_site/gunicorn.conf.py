"""gunicorn settings, read from the environment so one image fits every server size."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak never takes the site down; jitter keeps
# them from all restarting at once. Not too often: without REDIS_URL each worker keeps its
# page cache in its own memory, and a new worker starts with it empty.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "2000"))
accesslog = "-"
errorlog = "-"
# Only the proxy in front may tell gunicorn that a request came over HTTPS: set
# FORWARDED_ALLOW_IPS to its address(es). The default trusts a proxy on this machine only;
# a client reaching gunicorn directly from elsewhere cannot make its request "secure".
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
