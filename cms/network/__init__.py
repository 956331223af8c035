"""The network: provisioning a site in one step (provisioning.py), the kinds of
site (kinds.py: SiteKind), the Network admin area with its add-site form and
members (admin_views.py, forms.py) and the volunteer dashboard (dashboard.py)."""
