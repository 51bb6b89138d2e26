"""Routes the explorer page draws from, beside the event routes of explore.py: the world map's
country shapes, one summary of the current filter (total, counts by root code and by location
country) and the located places for the map's points. Every value is a bound parameter."""
from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query
from fastapi.responses import Response

from ..codebook import get_code
from ..query import RESULT_COLUMNS, EventFilter, build_query, filter_clause
from .errors import error_responses

PLACES_DEFAULT = 300
PLACES_MAX = 2000
PARQUET_MEDIA_TYPE = "application/vnd.apache.parquet"


@lru_cache(maxsize=1)
def map_data() -> dict[str, Any]:
    """The country shapes built by scripts/build_map_data.py (package data)."""
    resource = files("newsevents") / "data" / "map" / "countries.json"
    return json.loads(resource.read_text(encoding="utf-8"))


def filtered_sql(filters: EventFilter) -> tuple[str, list[Any]]:
    """All the filter's events as a subquery to count over (no page: a page would cap a total)."""
    where, params = filter_clause(filters)
    return f"SELECT * FROM events WHERE {where}", params


def parquet_bytes(cursor: Any, filters: EventFilter, limit: int, offset: int, sort: str | None = None) -> bytes:
    """The filter's page of events as one Parquet file (the columns of a query, attributes as
    JSON text). DuckDB writes it: the rows are copied into a temporary table first, since a
    COPY statement binds no parameters."""
    sql, params = build_query(filters, limit, offset, sort=sort)
    cursor.execute(f"CREATE OR REPLACE TEMP TABLE page_export AS {sql}", params)
    with tempfile.TemporaryDirectory(prefix="newsevents-") as folder:
        target = Path(folder) / "events.parquet"
        literal = "'" + str(target).replace("'", "''") + "'"
        cursor.execute(f"COPY (SELECT {', '.join(RESULT_COLUMNS)} FROM page_export) TO {literal} (FORMAT PARQUET)")
        cursor.execute("DROP TABLE page_export")
        return target.read_bytes()


def parquet_response(cursor: Any, filters: EventFilter, limit: int, offset: int, sort: str | None = None) -> Response:
    return Response(parquet_bytes(cursor, filters, limit, offset, sort), media_type=PARQUET_MEDIA_TYPE,
                    headers={"Content-Disposition": 'attachment; filename="events.parquet"'})


def install_page_routes(app: FastAPI, cursor: Callable[[], Any], filters_from: Callable[..., EventFilter],
                        filter_params: dict[str, Any]) -> None:
    """Add the page's routes. cursor: a new store cursor (503 without a store); filters_from:
    the query parameters (``filter_params``' names) to an EventFilter, as for /v1/events."""

    @app.get("/v1/map/countries", responses=error_responses(422))
    def countries() -> dict[str, Any]:
        """Country outlines for the map (Natural Earth 1:110m, public domain), as SVG paths in
        a plate carrée projection, keyed by the location country code events carry."""
        return map_data()

    def summary(**params: Any) -> dict[str, Any]:
        """How many events match the filters, and how many by CAMEO root code and by the
        country of their location (the map's choropleth)."""
        sql, args = filtered_sql(filters_from(**params))
        con = cursor()
        total = con.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()
        roots = con.execute(f"SELECT root_code, count(*) AS n FROM ({sql}) GROUP BY root_code ORDER BY n DESC, root_code",
                            args).fetchall()
        places = con.execute(f"SELECT location_country, count(*) AS n FROM ({sql}) WHERE location_country IS NOT NULL "
                             "GROUP BY location_country ORDER BY n DESC, location_country", args).fetchall()
        return {"total": int(total[0]) if total else 0,
                "roots": [{"root": root, "name": _root_name(root), "count": n} for root, n in roots],
                "countries": [{"country": country, "count": n} for country, n in places]}

    _with_filters(summary, filter_params)
    app.get("/v1/stats/summary", responses=error_responses(400, 422, 503))(summary)

    def places(limit: Annotated[int, Query(ge=1, le=PLACES_MAX)] = PLACES_DEFAULT, **params: Any) -> dict[str, Any]:
        """The located places of the filter's events, most events first (at most ``limit``):
        coordinates, name, country, count and the most frequent QuadClass."""
        sql, args = filtered_sql(filters_from(**params))
        rows = cursor().execute(
            f"SELECT location_lat, location_lon, any_value(location_name), any_value(location_country), count(*) AS n, "
            f"mode(quad_class) FROM ({sql}) WHERE location_lat IS NOT NULL AND location_lon IS NOT NULL "
            "GROUP BY location_lat, location_lon ORDER BY n DESC, 1, 2 LIMIT ?", [*args, limit]).fetchall()
        return {"places": [{"lat": lat, "lon": lon, "name": name, "country": country, "count": n, "quad_class": quad}
                           for lat, lon, name, country, n, quad in rows]}

    _with_filters(places, filter_params, first=("limit",))
    app.get("/v1/stats/places", responses=error_responses(400, 422, 503))(places)


def _root_name(root: str | None) -> str | None:
    code = get_code(root) if root else None
    return code.name if code else None


def _with_filters(function: Callable[..., Any], filter_params: dict[str, Any], first: tuple[str, ...] = ()) -> None:
    """Give ``function`` an explicit signature with the shared filter parameters, so FastAPI
    reads and validates them (and lists them in the schema) as on /v1/events."""
    import inspect

    own = inspect.signature(function).parameters
    kept = [own[name] for name in first]
    extra = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)
             for name, annotation in filter_params.items()]
    function.__signature__ = inspect.Signature([*kept, *extra], return_annotation=dict[str, Any])  # type: ignore[attr-defined]
