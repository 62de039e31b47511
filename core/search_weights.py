"""How much each kind of field weighs in site search: Wagtail's `boost` on a SearchField.

Wagtail's PostgreSQL index writes each field with `setweight` A to D, by its boost among the
four used here (Page's title has 2: A), and site search ranks with the weights that follow
(search/fulltext.py): a word in a title counts 1, in a summary 0.6, in a name 0.4, in a body 0.2.
A change of these values takes effect once the pages are indexed again (`update_index`).
"""

#: Summaries, introductions, subtitles, full names: what a page is about, in a sentence.
SUMMARY = 1.2
#: Authors, types, publishers, roles: names that identify a page.
NAMES = 0.8
#: Bodies, biographies, the text of a PDF: where a word may only be mentioned.
BODY = 0.4
