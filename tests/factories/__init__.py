"""Factories for the suite's data (factory_boy and wagtail-factories), one module per app.

Tests build exactly what they assert on; the site's frame (home, site, settings, menus and
section indexes) comes from `tests.factories.skeleton`, built once per xdist worker.
"""
