"""The platforms' feeds: found, fetched politely, read as untrusted text, kept per centre.

`refresh.refresh_centre()` is the one entry point (the nightly `fetch_centre_feeds` and the
admin's « Relever maintenant » both call it); pages only ever read what it stored.
"""
