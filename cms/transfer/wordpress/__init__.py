"""Moving a WordPress subsite in: its WXR export and uploads become a network
site's pages, images and documents, its old addresses that site's redirects.

wxr.py reads the export (defusedxml: no entities, no network), uploads.py the
uploads folder or zip, shortcodes.py and content.py turn post HTML into our
StreamField blocks, media.py and pages.py make images, documents and pages,
redirects.py the old addresses (and the middleware for `/?p=ID`), report.py
what happened, importer.py runs it all in one transaction, tasks.py in the
background for the admin views of admin_views.py. docs/wordpress-import.md
explains each decision.
"""
