# Thin wrapper over the Makefile's steps: the locked requirements, collectstatic at build
# time, gunicorn as a non-root user. Build: docker build -t rameau-site .
FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY requirements.lock ./
RUN python -m venv /venv && /venv/bin/pip install --require-hashes -r requirements.lock
COPY . .
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    DJANGO_SETTINGS_MODULE=rameau_site.settings.production \
    /venv/bin/python manage.py collectstatic --noinput

FROM python:3.11-slim-bookworm AS runtime
ENV PATH=/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=rameau_site.settings.production MEDIA_ROOT=/data/media
RUN useradd --system --uid 10001 --home /app rameau && mkdir -p /data/media && chown rameau /data/media
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build --chown=rameau /app /app
USER rameau
EXPOSE 8000
VOLUME ["/data/media"]
# SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL come from the environment: without them the
# settings refuse to start. Run `python manage.py migrate` once per release.
CMD ["gunicorn", "--config", "rameau_site/gunicorn.conf.py", "rameau_site.wsgi:application"]
