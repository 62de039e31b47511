"""Publications library (issue #4): reserved here; models arrive with that issue."""
