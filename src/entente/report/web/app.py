"""The local dashboard: server-rendered pages over the event store, each with a JSON twin.

Pages: overview ``/``, actor ``/actor/{code}``, dyad ``/dyad/{a}/{b}``, network
``/network``, shifts ``/shifts``, stakeholders ``/stakeholders``, event search
``/events`` and one event's evidence ``/event/{id}``. Each page's data is served
as JSON at the same path under ``/api`` (``/api/actor/RUS``); the OpenAPI
description is at ``/openapi.json``.

Reading while ``entente run`` writes: DuckDB admits one writing process or
several readers. Each request opens the store read-only for its own duration
only (retrying while the writer holds the file between its batches, see
:mod:`entente.store.locking`) and closes it when the response is done, so the
writer is never kept out for longer than one request.

Safety: every page is rendered by autoescaping templates, JSON inside pages is
escaped for ``<script>``, links to articles are kept only for http(s) addresses,
and the Content-Security-Policy lets the pages run only this server's own
scripts. Query parameters are typed and checked by pydantic (unknown ones are
refused) and reach SQL only as bound parameters of the store's query functions.

Example:
    >>> app = create_app("out/demo.duckdb")  # doctest: +SKIP
    >>> serve("out/demo.duckdb", port=8765)  # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from entente import __version__
from entente.analysis import parse_range
from entente.errors import EntenteError, QueryError, StoreError
from entente.report.figures import actor_figure, network_figure, timeline_figure
from entente.report.render import plotly_js, render, static_text
from entente.report.views import (
    EventQuery,
    NotFoundError,
    actor_view,
    dyad_view,
    event_view,
    events_view,
    network_view,
    overview,
    shifts_view,
    stakeholders_view,
    topic_by_name,
)
from entente.store import Store

log = logging.getLogger("entente.web")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_LOCK_TIMEOUT = 10.0
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")

CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        # plotly.js sets inline styles on the elements it draws.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)

ACTOR_PATTERN = r"^[A-Za-z0-9-]{2,24}$"
SPAN_PATTERN = r"^\s*\d{1,5}\s*[dwmqyDWMQY]\s*$"
PERIOD_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?\.\.\d{4}(-\d{2}(-\d{2})?)?$"
TOPIC_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9 _-]{0,79}$"

ActorCode = Annotated[
    str,
    PathParam(pattern=ACTOR_PATTERN, description="CAMEO actor code, e.g. RUS, USAGOV, IGOUNO."),
]
EventId = Annotated[
    str, PathParam(pattern=r"^[0-9a-fA-F]{6,64}$", description="Event id (hex content hash).")
]


class Level(StrEnum):
    """Actor level: roll codes up to countries, or keep them apart."""

    country = "country"
    actor = "actor"


class Window(StrEnum):
    """Calendar windows of a time series."""

    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


class Mode(StrEnum):
    """How an event is reported."""

    asserted = "asserted"
    negated = "negated"
    future = "future"
    hypothetical = "hypothetical"
    demanded = "demanded"


class _Params(BaseModel):
    """Base of the query-parameter models: unknown parameters are refused (422)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class SeriesParams(_Params):
    """Parameters of the actor and dyad pages."""

    level: Level = Field(
        Level.country, description="country rolls RUSGOV up to RUS; actor keeps it."
    )
    window: Window = Field(Window.month, description="Calendar window of the series.")
    since: date | None = Field(None, description="First date (YYYY-MM-DD).")
    until: date | None = Field(None, description="Last date (YYYY-MM-DD).")


class NetworkParams(_Params):
    """Parameters of the network page."""

    at: date | None = Field(None, description="Last day of the window [default: last event].")
    window: str | None = Field(
        None,
        pattern=SPAN_PATTERN,
        description="Window length: 90d, 12w, 6m, 1q, 1y [default: whole store].",
    )
    half_life: str | None = Field(
        None, pattern=SPAN_PATTERN, description="Recency half-life (same forms) [default: none]."
    )
    level: Level = Level.country
    resamples: int = Field(20, ge=0, le=200, description="Perturbed networks for bloc stability.")


class ShiftParams(_Params):
    """Parameters of the shifts page."""

    period_from: str | None = Field(
        None,
        alias="from",
        pattern=PERIOD_PATTERN,
        description="Before period A..B (YYYY[-MM[-DD]]).",
    )
    period_to: str | None = Field(
        None, alias="to", pattern=PERIOD_PATTERN, description="After period C..D."
    )
    level: Level = Level.country
    alpha: float = Field(0.05, gt=0, lt=1, description="False-discovery rate.")
    limit: int = Field(20, ge=1, le=200)


class StakeholderParams(_Params):
    """Parameters of the stakeholders page."""

    topic: str | None = Field(
        None, pattern=TOPIC_PATTERN, description="A shipped topic [default: the first one]."
    )
    level: Level = Level.actor


class EventParams(_Params):
    """Parameters of the event search."""

    actor: str | None = Field(
        None,
        pattern=ACTOR_PATTERN,
        description="Actor code prefix (any participant, or the source with target).",
    )
    target: str | None = Field(
        None, pattern=ACTOR_PATTERN, description="Target code prefix (needs actor)."
    )
    code: str | None = Field(
        None, pattern=r"^\d{2,4}$", description="CAMEO code prefix, e.g. 04 or 042."
    )
    since: date | None = None
    until: date | None = None
    mode: Mode | None = None
    q: str | None = Field(
        None, max_length=200, description="Words the sentence contains (any case)."
    )
    limit: int = Field(100, ge=1, le=1000)


def _twin(request: Request) -> str:
    """The JSON twin's address of an HTML page (the same path under /api, same query)."""
    path = request.url.path
    api = "/api/overview" if path == "/" else f"/api{path}"
    return f"{api}?{request.url.query}" if request.url.query else api


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(
    request: Request, status: int, message: str, details: list[str] | None = None
) -> Response:
    """An error as JSON (API) or as an HTML page (everything else), never a traceback."""
    if _wants_json(request):
        body: dict[str, Any] = {"detail": message}
        if details:
            body["errors"] = details
        return JSONResponse(body, status_code=status)
    html = render("error.html", status=status, message=message, details=details or [],
                  json_url=None, version=__version__)  # fmt: skip
    return HTMLResponse(html, status_code=status)


def _validation_details(exc: RequestValidationError) -> list[str]:
    out = []
    for e in exc.errors():
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
        value = e.get("input")
        shown = f" (got {str(value)[:60]!r})" if isinstance(value, (str, int, float)) else ""
        out.append(f"{where or 'request'}: {e.get('msg', 'invalid')}{shown}")
    return out


def open_store(request: Request) -> Iterator[Store]:
    """The store for one request: opened read-only, closed when the response is done."""
    state = request.app.state
    with Store.open(state.db, read_only=True, lock_timeout=state.lock_timeout) as store:
        yield store


StoreDep = Annotated[Store, Depends(open_store)]


def create_app(
    db: Path | str,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The dashboard application for one event store.

    Args:
        db: the store file (read-only; it may be filled by ``entente run`` meanwhile).
        lock_timeout: seconds a request waits while a writer holds the file.
        allowed_hosts: Host header values accepted (None accepts any); when bound to
            localhost, pass the loopback names so that other sites cannot reach the
            dashboard through a rebound DNS name.
    """
    db_path = Path(db)
    app = FastAPI(
        title="entente dashboard",
        version=__version__,
        description="Alliance analysis of an entente event store. Every HTML page has a JSON twin under /api.",
        docs_url=None,  # the interactive docs load scripts from a CDN; /openapi.json is enough
        redoc_url=None,
    )
    app.state.db = db_path
    app.state.lock_timeout = lock_timeout
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(StoreError)
    async def store_unavailable(request: Request, exc: StoreError) -> Response:
        return _error(request, 503, str(exc))

    @app.exception_handler(EntenteError)
    async def entente_error(request: Request, exc: EntenteError) -> Response:
        return _error(request, 500, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422, "invalid request parameters; see the list below",
                      _validation_details(exc))  # fmt: skip

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = (
            f"no page at {request.url.path}; start from the overview at /"
            if exc.status_code == 404
            else str(exc.detail)
        )
        return _error(request, exc.status_code, message)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("error while serving %s", request.url.path)
        return _error(
            request, 500, "internal error while building this page; the server log has the details"
        )

    def page(request: Request, template: str, data: dict[str, Any], **extra: Any) -> HTMLResponse:
        return HTMLResponse(
            render(
                template,
                data=data,
                json_url=_twin(request),
                version=__version__,
                db=str(db_path),
                **extra,
            )  # fmt: skip
        )

    # -- static files --------------------------------------------------------------------

    @app.get("/static/entente.css", include_in_schema=False)
    def css() -> Response:
        return Response(static_text("entente.css"), media_type="text/css; charset=utf-8")

    @app.get("/static/entente.js", include_in_schema=False)
    def script() -> Response:
        return Response(static_text("entente.js"), media_type="text/javascript; charset=utf-8")

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly() -> Response:
        return Response(
            plotly_js(),
            media_type="text/javascript; charset=utf-8",
            headers={"Cache-Control": "max-age=86400"},
        )

    # -- overview ------------------------------------------------------------------------

    @app.get(
        "/api/overview", tags=["api"], summary="What the store holds; most active pairs and actors"
    )
    def api_overview(store: StoreDep) -> dict[str, Any]:
        return overview(store)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request, store: StoreDep) -> HTMLResponse:
        return page(request, "overview.html", overview(store))

    # -- actor ---------------------------------------------------------------------------

    def _actor(store: Store, code: str, p: SeriesParams) -> dict[str, Any]:
        return actor_view(store, code.upper(), level=p.level.value, window=p.window.value,
                          since=p.since, until=p.until)  # fmt: skip

    @app.get("/api/actor/{code}", tags=["api"], summary="An actor's partners and rivals over time")
    def api_actor(
        code: ActorCode, p: Annotated[SeriesParams, Query()], store: StoreDep
    ) -> dict[str, Any]:
        return _actor(store, code, p)

    @app.get("/actor/{code}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, code: ActorCode, p: Annotated[SeriesParams, Query()],
                   store: StoreDep) -> HTMLResponse:  # fmt: skip
        data = _actor(store, code, p)
        return page(request, "actor.html", data, figure=actor_figure(data, links=True))

    # -- dyad ----------------------------------------------------------------------------

    def _dyad(store: Store, a: str, b: str, p: SeriesParams) -> dict[str, Any]:
        return dyad_view(store, a.upper(), b.upper(), level=p.level.value, window=p.window.value,
                         since=p.since, until=p.until)  # fmt: skip

    @app.get("/api/dyad/{a}/{b}", tags=["api"], summary="A pair's timeline and evidence")
    def api_dyad(a: ActorCode, b: ActorCode, p: Annotated[SeriesParams, Query()],
                 store: StoreDep) -> dict[str, Any]:  # fmt: skip
        return _dyad(store, a, b, p)

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, a: ActorCode, b: ActorCode, p: Annotated[SeriesParams, Query()],
                  store: StoreDep) -> HTMLResponse:  # fmt: skip
        data = _dyad(store, a, b, p)
        return page(request, "dyad.html", data, figure=timeline_figure(data))

    # -- network -------------------------------------------------------------------------

    def _network(store: Store, p: NetworkParams) -> dict[str, Any]:
        return network_view(store, at=p.at, window=p.window.strip() if p.window else None,
                            half_life=p.half_life.strip() if p.half_life else None,
                            level=p.level.value, resamples=p.resamples)  # fmt: skip

    @app.get(
        "/api/network", tags=["api"], summary="The signed alignment network of a window, with blocs"
    )
    def api_network(p: Annotated[NetworkParams, Query()], store: StoreDep) -> dict[str, Any]:
        return _network(store, p)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(
        request: Request, p: Annotated[NetworkParams, Query()], store: StoreDep
    ) -> HTMLResponse:
        data = _network(store, p)
        figure = network_figure(data, links=True) if data["nodes"] else None
        return page(request, "network.html", data, figure=figure, params=p)

    # -- shifts --------------------------------------------------------------------------

    def _shifts(store: Store, p: ShiftParams) -> dict[str, Any]:
        before = parse_range(p.period_from) if p.period_from else None
        after = parse_range(p.period_to) if p.period_to else None
        return shifts_view(store, before, after, level=p.level.value, alpha=p.alpha, limit=p.limit)

    @app.get(
        "/api/shifts", tags=["api"], summary="Pairs whose alignment changed between two periods"
    )
    def api_shifts(p: Annotated[ShiftParams, Query()], store: StoreDep) -> dict[str, Any]:
        return _shifts(store, p)

    @app.get("/shifts", response_class=HTMLResponse, include_in_schema=False)
    def shifts_page(
        request: Request, p: Annotated[ShiftParams, Query()], store: StoreDep
    ) -> HTMLResponse:
        return page(request, "shifts.html", _shifts(store, p), params=p)

    # -- stakeholders --------------------------------------------------------------------

    def _stakeholders(store: Store, p: StakeholderParams) -> dict[str, Any]:
        return stakeholders_view(store, topic_by_name(p.topic), level=p.level.value)

    @app.get(
        "/api/stakeholders", tags=["api"], summary="Who was at the table of a process, who was not"
    )
    def api_stakeholders(
        p: Annotated[StakeholderParams, Query()], store: StoreDep
    ) -> dict[str, Any]:
        return _stakeholders(store, p)

    @app.get("/stakeholders", response_class=HTMLResponse, include_in_schema=False)
    def stakeholders_page(request: Request, p: Annotated[StakeholderParams, Query()],
                          store: StoreDep) -> HTMLResponse:  # fmt: skip
        return page(request, "stakeholders.html", _stakeholders(store, p), params=p)

    # -- events --------------------------------------------------------------------------

    def _events(store: Store, p: EventParams) -> dict[str, Any]:
        q = EventQuery(
            actor=p.actor.upper() if p.actor else None,
            target=p.target.upper() if p.target else None,
            code=p.code, since=p.since, until=p.until,
            mode=p.mode.value if p.mode else None, text=p.q, limit=p.limit,
        )  # fmt: skip
        return events_view(store, q)

    @app.get("/api/events", tags=["api"], summary="Event search")
    def api_events(p: Annotated[EventParams, Query()], store: StoreDep) -> dict[str, Any]:
        return _events(store, p)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(
        request: Request, p: Annotated[EventParams, Query()], store: StoreDep
    ) -> HTMLResponse:
        return page(request, "events.html", _events(store, p))

    @app.get(
        "/api/event/{event_id}", tags=["api"], summary="One event with its evidence and article"
    )
    def api_event(event_id: EventId, store: StoreDep) -> dict[str, Any]:
        return event_view(store, event_id.lower())

    @app.get("/event/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: EventId, store: StoreDep) -> HTMLResponse:
        return page(request, "event.html", event_view(store, event_id.lower()))

    return app


def _clean_query(app: FastAPI) -> Any:
    """An ASGI wrapper that drops empty query parameters (blank form fields mean 'not set')."""

    async def wrapped(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope.get("type") == "http" and scope.get("query_string"):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v.strip() != ""]
            scope = {**scope, "query_string": urlencode(kept).encode("latin-1")}
        await app(scope, receive, send)

    return wrapped


def dashboard(
    db: Path | str, host: str = DEFAULT_HOST, lock_timeout: float = DEFAULT_LOCK_TIMEOUT
) -> Any:
    """The ASGI application ``entente serve`` runs: the app, with blank form fields dropped.

    Bound to a loopback address, it answers only requests addressed to localhost names.
    """
    loopback = host in LOOPBACK
    hosts = ["127.0.0.1", "localhost", "::1", "[::1]"] if loopback else None
    return _clean_query(create_app(db, lock_timeout=lock_timeout, allowed_hosts=hosts))


def check_store(db: Path | str) -> None:
    """Check that a store file exists before serving it.

    Raises:
        StoreError: no file at ``db`` (the message says how to create one).
    """
    if not Path(db).is_file():
        raise StoreError(
            f"no event store at {db}. Create one with `entente run SOURCE --db {db}`, "
            "or pass the right --db path."
        )


def serve(
    db: Path | str,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    log_level: str = "info",
) -> None:
    """Run the dashboard with uvicorn until interrupted.

    Raises:
        StoreError: no store at ``db``.
    """
    import uvicorn

    check_store(db)
    uvicorn.run(dashboard(db, host, lock_timeout), host=host, port=port, log_level=log_level)


__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "check_store", "create_app", "dashboard", "serve"]
