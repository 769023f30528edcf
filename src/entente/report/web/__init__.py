"""The local web dashboard (FastAPI + uvicorn); the only part of entente that imports them.

Example:
    >>> from entente.report.web import serve
    >>> serve("out/demo.duckdb")  # doctest: +SKIP
"""

from entente.report.web.app import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    check_store,
    create_app,
    dashboard,
    serve,
)

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "check_store", "create_app", "dashboard", "serve"]
