"""What an import did: counts by kind and a line per skipped item or dropped content."""

from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.log_actions import LogFormatter


class Report:
    def __init__(self, dry_run=False):
        self.dry_run = dry_run
        self.counts = Counter()
        self.lines = []  # [(WordPress id or None, text)]

    def count(self, kind, number=1):
        self.counts[kind] += number

    def add(self, wordpress_id, text):
        self.lines.append((wordpress_id, text))

    def as_dict(self):
        return {
            "dry_run": self.dry_run,
            "counts": dict(sorted(self.counts.items())),
            "lines": [list(line) for line in self.lines],
        }

    @classmethod
    def from_dict(cls, data):
        report = cls(data.get("dry_run", False))
        report.counts.update(data.get("counts", {}))
        report.lines = [tuple(line) for line in data.get("lines", [])]
        return report

    def rows(self):
        """(kind, number) pairs, by kind: what the admin's report table shows."""
        return sorted(self.counts.items())

    def summary(self):
        return ", ".join(f"{kind}: {n}" for kind, n in sorted(self.counts.items()))

    def text_lines(self):
        yield ("Dry run, nothing saved. " if self.dry_run else "") + self.summary()
        for wordpress_id, text in self.lines:
            yield f"WordPress #{wordpress_id}: {text}" if wordpress_id else text


class ImportFormatter(LogFormatter):
    label = gettext_lazy("Import from WordPress")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        counts = ", ".join(f"{k}: {n}" for k, n in data.get("counts", {}).items())
        return _("Imported %(origin)s from WordPress (%(counts)s)") % {
            "origin": data.get("origin", "?"),
            "counts": counts,
        }


def register_import_actions(actions):
    actions.register_action("cms.wordpress_import")(ImportFormatter)
