"""Isolation: no role of site A reads or changes anything of site B in the admin.

One module per admin surface (test_pages, test_media, test_tags, test_forms,
test_settings, test_snippets, test_admin_areas). Each holds its own tests and
three lists; append your admin views to the surface they belong to:
  REFUSED   GET addresses of B's objects: A's roles get 403, 404 or a redirect away
  LISTINGS  listings, choosers, searches, reports: never show B's sentinel
  POSTS     writes to B's objects: nothing of B changes in the database
Each builder takes the `net` fixture (conftest.py: A's and B's objects) and
returns a URL; test_matrix.py runs every surface's lists as each role of A.
"""
