"""Caching for anonymous visitors: whole pages and the site's frame, all keyed by one
content version that every publication, move or deletion changes (see version.py)."""
