"""Site bundles: one site, whole, in a zip file, and back as a new site.

`export_site` writes a bundle (export.py), `import_site` loads it through
provisioning (importer.py). format.py reads and writes the zip and its manifest,
references.py rewrites every id a page or record holds, privacy.py says what is
personal data, and one module per kind of content does both directions: pages,
media, localize (wagtail-localize sources), records (settings, redirects,
promotions, supporters, awards, submissions), network (charter and declaration
references), people (audit trail and members, exported on request only).
admin_views.py and tasks.py let moderators download their site's bundle, made
in the background.
The format is documented in docs/site-bundle.md.
"""
