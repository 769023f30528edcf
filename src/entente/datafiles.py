"""Reading entente's knowledge files (TSV word lists and patterns shipped as data).

Example:
    >>> rows = tab_rows(Path("src/entente/actors/data/context.tsv"))  # doctest: +SKIP
    >>> rows[0]  # doctest: +SKIP
    (17, ['back', 'government'])
"""

from __future__ import annotations

from pathlib import Path

from entente.errors import KnowledgeBaseError


def tab_rows(path: Path) -> list[tuple[int, list[str]]]:
    """The ``(line number, tab-separated cells)`` of a data file's non-blank,
    non-comment (``#``) lines.

    Raises:
        KnowledgeBaseError: the file cannot be read (missing, not UTF-8).
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise KnowledgeBaseError(
            f"cannot read {path}: {e}; restore it from the entente source tree"
        ) from e
    return [
        (n, line.split("\t"))
        for n, line in enumerate(lines, 1)
        if line.strip() and not line.startswith("#")
    ]
