"""The newsletters' front door: sign-up with double opt-in, signed confirmation and
unsubscribe links, the admin lists and exports, and the optional Brevo adapter.

The models live in pages/models/newsletters.py; nothing here is imported by them.
"""
