"""References to network-wide content: the charter and the Birmingham Declaration.

Pages never hold a copy of them: a charter block names the part it shows and the
charter page shows every statement. The bundle lists the parts the site uses
with the statements it saw, keyed by translation key; on import each part is
resolved to the target's own statements, and the missing ones are reported.
"""

from cms.models import CharterPage, CharterStatement, DeclarationPrinciple


def charter_parts(rows):
    """The parts of the charter and declaration the exported pages show."""
    used = set()
    for row in rows:
        if row["type"] == CharterPage._meta.label_lower:
            used.update(["vision", "value", "principle", "declaration"])
        for value in row["content"].values():
            if isinstance(value, list):
                used.update(_parts_in(value))
    return sorted(used)


def _parts_in(stream):
    found = set()
    for item in stream:
        if not isinstance(item, dict):
            continue
        if item.get("type") == "charter_values" and isinstance(item.get("value"), dict):
            found.add(item["value"].get("show"))
        elif isinstance(item.get("value"), list):
            found.update(_parts_in(item["value"]))
    return found - {None}


def statements(part):
    if part == "declaration":
        return DeclarationPrinciple.objects.all()
    return CharterStatement.objects.filter(part=part)


def network_references(rows):
    return {
        part: [
            {
                "translation_key": s.translation_key,
                "locale": s.locale.language_code,
                "title": s.title,
            }
            for s in statements(part).select_related("locale")
        ]
        for part in charter_parts(rows)
    }


def resolve_network(references):
    """Lines reporting the charter parts and statements the target lacks."""
    lines = []
    for part, seen in references.items():
        own = statements(part)
        if not own.exists():
            lines.append(f"This network has no {part} statements: add them.")
            continue
        keys = {str(key) for key in own.values_list("translation_key", flat=True)}
        titles = set(own.values_list("title", flat=True))
        for statement in seen:
            if (
                statement["translation_key"] not in keys
                and statement["title"] not in titles
            ):
                lines.append(
                    f"Not in this network's {part}: {statement['title']} "
                    f"({statement['locale']}); the site shows the network's own."
                )
    return lines
