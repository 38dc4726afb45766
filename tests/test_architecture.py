"""The shape of the code, checked from its source (no imports of newsgraph modules needed):

- no import cycles between newsgraph modules (module-level and function-level imports alike);
- a broad ``except`` (``Exception``, ``BaseException`` or bare) only at a real boundary, marked
  with ``# boundary:`` and the reason on the ``except`` line itself;
- the store's connection and other private members are the store's own: no module reaches
  into another object's ``_private`` attributes, and only the store imports DuckDB;
- the stored tables are written once (:mod:`newsgraph.schema`).
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "newsgraph"
BOUNDARY = "# boundary:"


@cache
def modules() -> dict[str, tuple[Path, ast.Module]]:
    """Every module under src/newsgraph by dotted name, parsed."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = (path, ast.parse(path.read_text("utf-8"), filename=str(path)))
    return out


def _is_package(name: str) -> bool:
    return modules()[name][0].name == "__init__.py"


def imports_of(name: str) -> dict[str, int]:
    """The newsgraph modules ``name`` imports (anywhere in it: at module level, in functions, under
    TYPE_CHECKING), each with the line of its first import. ``from pkg import sub`` counts as an
    import of ``pkg.sub`` when that is a module, else of ``pkg`` (a name its ``__init__`` defines);
    the implicit import of a parent package that every submodule import makes is left out."""
    mods = modules()
    here = name if _is_package(name) else name.rpartition(".")[0]
    found: dict[str, int] = {}
    for node in ast.walk(mods[name][1]):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.split(".")[: len(here.split(".")) - (node.level - 1)]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            targets = [f"{origin}.{a.name}" if f"{origin}.{a.name}" in mods else origin for a in node.names]
        for target in targets:
            while target and target not in mods:  # import a.b.c where c is a name: a.b
                target = target.rpartition(".")[0]
            if target and target != name:
                found.setdefault(target, node.lineno)
    return found


def import_graph() -> dict[str, dict[str, int]]:
    return {name: imports_of(name) for name in modules()}


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(graph[nxt])))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    comp = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        comp.append(member)
                        if member == node:
                            break
                    if len(comp) > 1:
                        out.append(sorted(comp))
    return out


def test_the_import_graph_is_read():
    """The checker itself: it sees module-level, function-level and TYPE_CHECKING imports."""
    graph = import_graph()
    assert graph["newsgraph.analytics"]["newsgraph.store"]  # module level
    assert "newsgraph.nlp" in graph["newsgraph.pipeline"]  # inside a method
    assert "newsgraph.config" in graph["newsgraph.pipeline"]  # from . import config
    assert "newsgraph.kb" in graph["newsgraph.analytics"]  # from .kb import get_kb (a package's name)
    assert cycles({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"a": 1}}) == [["a", "b", "c"]]


def test_no_import_cycles():
    graph = import_graph()
    found = cycles(graph)
    lines = []
    for comp in found:
        edges = [f"{a} -> {b} (line {graph[a][b]})" for a in comp for b in sorted(graph[a]) if b in comp]
        lines.append(" <-> ".join(comp) + ":\n    " + "\n    ".join(edges))
    assert not found, "import cycles between newsgraph modules:\n" + "\n".join(lines)


def _broad(handler: ast.ExceptHandler) -> bool:
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(t is None or (isinstance(t, ast.Name) and t.id in ("Exception", "BaseException")) for t in types)


def test_broad_excepts_are_marked_boundaries():
    """``except Exception`` / ``BaseException`` / bare ``except`` only where newsgraph must not let one
    failure through (and converts it to a coded error, or says why none is needed), with
    ``# boundary: why`` on the except line. Anywhere else, catch what can really be raised."""
    unmarked = []
    for path, tree in modules().values():
        lines = path.read_text("utf-8").splitlines()
        for node in sorted(ast.walk(tree), key=lambda n: getattr(n, "lineno", 0)):
            if isinstance(node, ast.ExceptHandler) and _broad(node):
                line = lines[node.lineno - 1]
                if BOUNDARY not in line or not line.split(BOUNDARY, 1)[1].strip():
                    unmarked.append(f"{path.relative_to(SRC)}:{node.lineno}: {line.strip()}")
    assert not unmarked, (f"broad except without '{BOUNDARY} <reason>' on its line (narrow it to what can "
                          "be raised, or mark the boundary):\n" + "\n".join(unmarked))


# os._exit is the standard library's public way out of a process, underscore and all
ALLOWED_PRIVATE = {
    "os._exit",
    # newsgraph.parallel.RecyclingPool: a worker loop for the standard process pool that leaves after a
    # call above [parallel] max_worker_mb, through the pool's own max_tasks_per_child hand-over
    "cfp._sendback_result", "cfp._ExceptionWithTraceback", "super()._spawn_process", "super()._adjust_process_count",
}


def test_no_module_reaches_into_private_members():
    """Private members (``x._name``) are their class's own: the store's connection above all, which
    other modules use through the store's public methods."""
    reached = []
    for name, (path, tree) in modules().items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")):
                continue
            owner = node.value
            if isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
                continue
            if name == "newsgraph.store" and node.attr in ("_con", "_doing"):  # Store.for_thread's copy
                continue
            text = ast.unparse(node)
            if text not in ALLOWED_PRIVATE:
                reached.append(f"{path.relative_to(SRC)}:{node.lineno}: {text}")
    assert not reached, "private members used from outside their class:\n" + "\n".join(reached)


# ``Doc.text`` joins every token's text each time it is read: read once per article it is cheap,
# read per mention or per event it was a third of the actor stage's time. The article's text
# (``analysis.article.text``) is the same string.
DOC_TEXT_ONCE = {"newsgraph.actors.matcher"}  # a fallback for callers that pass no text


def test_doc_text_is_not_rebuilt_in_the_components():
    """No component reads ``<doc>.text`` (a Doc's text rebuilt from its tokens) but where allowed."""
    found = []
    for name, (path, tree) in modules().items():
        if name in DOC_TEXT_ONCE:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "text" and (
                    (isinstance(node.value, ast.Name) and node.value.id == "doc")
                    or (isinstance(node.value, ast.Attribute) and node.value.attr == "doc")):
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: {ast.unparse(node)}")
    assert not found, "Doc.text read in a component (use the article's text):\n" + "\n".join(found)


def test_only_the_store_talks_to_duckdb():
    users = sorted(name for name in modules() if "duckdb" in imports_anywhere(name))
    assert users == ["newsgraph.store"], users


def imports_anywhere(name: str) -> set[str]:
    """Top-level package names ``name`` imports (third-party and standard library included)."""
    out = set()
    for node in ast.walk(modules()[name][1]):
        if isinstance(node, ast.Import):
            out |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            out.add(node.module.split(".")[0])
    return out


def test_the_table_schema_is_written_once():
    """No module but the schema spells out a CREATE TABLE for a stored table."""
    from newsgraph import schema

    spelled = []
    for name, (path, _) in modules().items():
        if name == "newsgraph.schema":
            continue
        text = path.read_text("utf-8").upper()
        spelled += [f"{path.relative_to(SRC)}: {t}" for t in schema.TABLES
                    if f"CREATE TABLE IF NOT EXISTS {t.upper()} " in text or f"CREATE TABLE {t.upper()} " in text]
    assert not spelled, spelled


def test_the_schema_gives_the_ddl_the_arrow_schema_and_the_api_rows():
    from newsgraph import api, schema
    from newsgraph.store import Store

    with Store(":memory:") as store:
        for table, cols in schema.TABLES.items():
            got = store.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? "
                                "ORDER BY column_index", [table])
            assert got == [(c.name, c.type) for c in cols], table
    for table in schema.SHARD_TABLES:
        assert [f.name for f in schema.arrow_schema(table)] == list(schema.names(table))
    # the REST API's row models document the columns the store's typed queries return
    for table, model in (("quotes", api.QuoteRow), ("events", api.EventRow), ("articles", api.ArticleRow)):
        documented = set(model.model_fields) - {"about"}  # quotes: "about" is added by the API
        returned = set(schema.QUERY_COLUMNS[table])
        assert documented <= returned, (table, documented - returned)
        if table != "articles":  # an article row's input ("source") is left out of the API model
            assert returned <= documented, (table, returned - documented)
