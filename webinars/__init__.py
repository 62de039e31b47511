"""Webinars (issue #5): index, yearly or themed cycles, sessions, planning and calendar feeds."""
