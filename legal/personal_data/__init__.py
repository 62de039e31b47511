"""Personal data held by the site (contact messages, newsletter sign-ups): found, exported and
erased per e-mail address from the admin, and purged nightly once their time is up."""
