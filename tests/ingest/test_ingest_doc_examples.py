"""The examples in the ingest package's docstrings are true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import entente.ingest

MODULES = sorted(
    ["entente.ingest"]
    + [f"entente.ingest.{m.name}" for m in pkgutil.iter_modules(entente.ingest.__path__)]
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
