"""Resource centres (issue #3): the app is reserved here so its URLs and models land in place."""
