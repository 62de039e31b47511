"""Caching for anonymous visitors: whole pages and the site's frame, all keyed by one
content version that every publication, move or deletion changes (see version.py), the
Cache-Control each answer carries, and the purge of a proxy in front (frontend.py).

Its own app, below `core`: every other app reads through it, it names none of them. The
version row's tables stay `core`'s models (core.ContentVersion, core.ContentChange), read here
through the app registry, so that their migrations keep their history."""
