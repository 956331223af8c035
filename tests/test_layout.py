"""The layout holds: no import cycle between the project's modules, not even one
broken by an import inside a function, except the block that renders snippets."""

import ast

from django.conf import settings

APPS = ["cms", "home", "groups", "streams", "search"]
# CharterValuesBlock renders the charter snippets: the block library is imported
# by the page models, and the block reads the snippets only when it renders.
ALLOWED = {("cms.blocks", "cms.models"), ("cms.blocks", "cms.models.charter")}


def project_modules():
    modules = {}
    for app in APPS:
        for file in (settings.BASE_DIR / app).rglob("*.py"):
            if "migrations" in file.parts:
                continue
            parts = file.relative_to(settings.BASE_DIR).with_suffix("").parts
            name = ".".join(parts).removesuffix(".__init__")
            modules[name] = file
    return modules


def imported_names(module, file):
    package = module if file.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(file.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph():
    """module -> the project modules importing it runs (its packages too)."""
    modules = project_modules()
    graph = {name: set() for name in modules}
    for module, file in modules.items():
        for name in imported_names(module, file):
            while name and name not in modules:
                name = name.rpartition(".")[0]
            parts = name.split(".") if name else []
            for end in range(1, len(parts) + 1):
                target = ".".join(parts[:end])
                own_package = target == module or module.startswith(target + ".")
                if (
                    target in modules
                    and not own_package
                    and (module, target) not in ALLOWED
                ):
                    graph[module].add(target)
    return graph


def cycles(graph):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_between_modules():
    assert cycles(import_graph()) == []


def test_the_check_finds_a_cycle_through_a_function_level_import():
    graph = import_graph()
    graph["cms.feeds"].add("cms.models.events")
    graph["cms.models.events"].add("cms.feeds")
    assert any({"cms.feeds", "cms.models.events"} <= set(c) for c in cycles(graph))


def test_cms_has_about_ten_flat_modules_beside_its_packages():
    flat = [f.name for f in (settings.BASE_DIR / "cms").glob("*.py")]
    assert len(flat) - 1 <= 11, sorted(flat)  # besides __init__.py
