"""The publications library: books, studies, guides and reports; the news and their feeds."""
