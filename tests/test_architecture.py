"""The layout rules of ARCHITECTURE.md, checked on the source: who may import what."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "entente"

# (imported top-level module, the only sub-packages allowed to import it)
RULES = [
    ("spacy", ("nlp", "coding")),
    ("duckdb", ("store",)),
    ("dask", ("distributed",)),
    ("distributed", ("distributed",)),
    ("fastapi", ("report/web",)),
    ("uvicorn", ("report/web",)),
    ("starlette", ("report/web",)),
]


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize(("module", "allowed"), RULES)
def test_architecture_only_its_own_package_imports(module, allowed):
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        if any(rel.startswith(a + "/") for a in allowed):
            continue
        if module in imports(path):
            offenders.append(rel)
    assert not offenders, f"{module} is imported outside {allowed}: {offenders}"


def test_architecture_sql_lives_in_the_store():
    keywords = ("SELECT ", "INSERT INTO", "CREATE TABLE", "DELETE FROM")
    offenders = [
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if not path.relative_to(SRC).as_posix().startswith("store/")
        and any(k in path.read_text(encoding="utf-8") for k in keywords)
    ]
    assert not offenders, f"SQL outside entente.store: {offenders}"
