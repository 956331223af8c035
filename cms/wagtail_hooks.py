# --- Translation (issue 6): hooks in cms/i18n/admin_hooks.py ---------------
from cms.i18n import admin_hooks  # noqa: F401
