"""Accountability: the log writer for consent and deleted pages (log.py) and
the per-site audit trail with its CSV export (trail.py)."""
