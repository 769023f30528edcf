"""What entente shows: a self-contained HTML report and (in ``report.web``) a local dashboard.

Both read the store through :mod:`entente.analysis` and the store's query
functions, shape each page as a plain dict (:mod:`entente.report.views`), and
render it with autoescaping Jinja2 templates; charts are plotly.js figures built
in :mod:`entente.report.figures`. Only ``report.web`` imports the web framework.

Example:
    >>> from entente.report import ReportOptions, write_report
    >>> write_report("out/demo.duckdb", "out/report.html")  # doctest: +SKIP
    [PosixPath('out/report.html')]
"""

from entente.report.build import FORMATS, ReportOptions, collect, render_html, write_report
from entente.report.views import NotFoundError

__all__ = ["FORMATS", "NotFoundError", "ReportOptions", "collect", "render_html", "write_report"]
