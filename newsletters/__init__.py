"""The newsletters: lists, subscribers and the proof of their consent, sign-up with double
opt-in, signed confirmation and unsubscribe links, the admin lists and exports, and the
optional Brevo adapter."""
