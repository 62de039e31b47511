"""Webinars: index, yearly or themed cycles, sessions, planning and calendar feeds."""
