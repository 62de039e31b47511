"""Webinar cycles (issue #5): reserved here; models arrive with that issue."""
