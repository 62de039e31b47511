"""The one-off import of Le RAMEAU's old WordPress site (`manage.py import_wordpress`) and the
redirects that keep its addresses working. See the README, « Mise en ligne »."""
