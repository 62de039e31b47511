"""One JSON object per line on stdout, so a log shipper can index every field.

A traceback stays inside its record (the "exc" field) instead of spilling over many lines;
records from django.request carry the method, path and status of the request.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime


class JSONLineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["method"] = getattr(request, "method", None)
            entry["path"] = request.path
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def production_logging(level: str = "INFO") -> dict:
    """LOGGING for production: JSON lines on stdout; every 4xx and 5xx answer is one record
    of django.request with its path and status (Django logs 4xx at WARNING, 5xx at ERROR)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "rameau_site.security.logs.JSONLineFormatter"}},
        "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"}},
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            "django.request": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
            "django.server": {"handlers": ["stdout"], "level": "ERROR", "propagate": False},
        },
    }
