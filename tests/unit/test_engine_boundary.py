"""The core in scripts/kennisplein/ imports nothing of an engine or a theme (scripts/ENGINE.md).

Everything that talks to MkDocs or ProperDocs sits in scripts/mkdocs_wiring/; the templates
(jinja2, which MkDocs, ProperDocs and Material render with) are the engine's side too. A port
to another generator then rewrites the wiring and the templates, not the core. Read with ast,
so an import inside a function, `importlib.import_module("...")` and
`importlib.resources.files("...")` count as well.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "scripts" / "kennisplein"
ENGINE_SIDE = {"mkdocs", "properdocs", "material", "mkdocs_static_i18n", "mkdocs_wiring", "jinja2", "zensical"}
BY_NAME = {"import_module", "__import__", "files", "find_spec"}  # calls that import or open a package by its name


def engine_imports(path: Path, root: Path = ROOT) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in BY_NAME and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                names = [node.args[0].value]
        found += [f"{path.relative_to(root)}:{node.lineno}: {name}" for name in names if name.split(".")[0] in ENGINE_SIDE]
    return found


def test_the_core_imports_no_engine_theme_or_template_library():
    found = [hit for path in sorted(CORE.rglob("*.py")) for hit in engine_imports(path)]
    assert not found, "the core must not import the engine side:\n" + "\n".join(found)


def test_the_check_sees_every_way_of_importing(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import mkdocs.utils\nfrom material import x\n"
        "def f():\n    import jinja2\n    importlib.import_module('properdocs')\n    resources.files('material')\n"
        "import markdown\nfrom kennisplein import hubs\n",
        encoding="utf-8")
    hits = engine_imports(sample, tmp_path)
    assert [hit.split(": ")[1] for hit in hits] == ["mkdocs.utils", "material", "jinja2", "properdocs", "material"]


def _core_import_graph() -> dict[str, set[str]]:
    """module -> the core modules it imports (at the top or inside a function)."""
    modules = {}
    for path in CORE.rglob("*.py"):
        parts = path.relative_to(CORE.parent).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("kennisplein"):
                found |= {f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules else node.module for a in node.names}
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.startswith("kennisplein")}
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        # a package's __init__ importing its own submodules is how a package is put together, not a cycle
        graph[name] = {m for m in found if m in modules and m != name and not (path.name == "__init__.py" and m.startswith(package + "."))}
    return graph


def test_the_core_has_no_import_cycle():
    graph, cycles, state, stack = _core_import_graph(), [], {}, []

    def visit(module: str) -> None:
        state[module] = "open"
        stack.append(module)
        for imported in sorted(graph[module]):
            if state.get(imported) == "open":
                cycles.append(" -> ".join(stack[stack.index(imported):] + [imported]))
            elif imported not in state:
                visit(imported)
        stack.pop()
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert not cycles, "import cycles in the core:\n" + "\n".join(cycles)
