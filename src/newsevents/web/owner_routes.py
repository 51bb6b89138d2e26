"""GET /v1/export: the store's full export (as ``newsevents export`` writes it) from the
server that holds the store, so that ``export`` works while ``serve`` runs (web/owner.py)."""
from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import FastAPI, Query
from fastapi.responses import StreamingResponse

from ..export import TEXT_EXPORTS
from .errors import Unavailable, error_responses

MEDIA_TYPES = {"gdelt": "text/tab-separated-values", "plover": "text/tab-separated-values", "csv": "text/csv",
               "jsonl": "application/x-ndjson"}
# An export is written to a temporary file, in memory up to this size, then sent in chunks.
SPOOL_BYTES = 8 * 1024 * 1024
CHUNK_BYTES = 256 * 1024
EVENT_COUNT_HEADER = "X-Event-Count"


def install_owner_routes(app: FastAPI, state: Any) -> None:
    """Add GET /v1/export; it reads through the store the explore routes opened
    (``state.open_database``), and answers 503 on a server without one."""

    @app.get("/v1/export", responses={200: {"content": {media: {} for media in set(MEDIA_TYPES.values())},
                                            "description": "every stored event in the format asked for"},
                                       **error_responses(422, 503)})
    def export(format: Annotated[str, Query(pattern="^(gdelt|plover|csv|jsonl)$")] = "csv") -> Any:  # noqa: A002
        """Every stored event as GDELT 2.0 TSV, PLOVER TSV, CSV or JSONL, as `newsevents export`
        writes it; the number of events is in the X-Event-Count header."""
        open_database = getattr(state, "open_database", None)
        if open_database is None:
            raise Unavailable("this server has no database: start it with --db FILE")
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8", newline="")
        try:
            count = TEXT_EXPORTS[format](open_database().cursor(), spool)
        except BaseException:
            spool.close()
            raise
        spool.seek(0)
        return StreamingResponse(_chunks(spool), media_type=MEDIA_TYPES[format],
                                 headers={EVENT_COUNT_HEADER: str(count)})


def _chunks(spool: Any) -> Iterator[bytes]:
    with spool:
        while chunk := spool.read(CHUNK_BYTES):
            yield chunk.encode("utf-8")
