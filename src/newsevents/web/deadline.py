"""A deadline for each request's headers (issue 18, item 5).

uvicorn's keep-alive timer is reset by every byte that arrives, and nothing bounds the time a
client may take to send its request line and headers: 300 clients trickling one byte a second
were held open for minutes. The protocol below closes a connection whose headers have not all
arrived within ``timeout`` seconds of the connection opening, or of the previous response on a
kept-alive connection. Once the headers are in, the request belongs to the body deadline
(``web/limits.py``) and the coding budget; a slow response is never cut.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any

# A browser or a script sends its headers in one packet; ten seconds is generous even on a
# slow link, and short enough that trickling clients cannot pile up.
HEADER_TIMEOUT = 10.0

logger = logging.getLogger("newsevents.web")


def header_deadline_protocol(timeout: float = HEADER_TIMEOUT) -> type[asyncio.Protocol]:
    """uvicorn's HTTP protocol (as ``http="auto"`` picks it) with a header deadline, for
    ``uvicorn.Config(http=...)``."""
    from uvicorn.protocols.http.auto import AutoHTTPProtocol

    if timeout <= 0:
        raise ValueError(f"header timeout must be positive, not {timeout}")

    class HeaderDeadlineProtocol(AutoHTTPProtocol):  # type: ignore[misc, valid-type]
        _deadline: asyncio.TimerHandle | None = None
        _started: Any = None  # the request cycle whose headers were the last to arrive

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            self._note_request()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            # A pipelined request may already have started; else the next one has a deadline.
            if not self._note_request() and not self.transport.is_closing():
                self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _note_request(self) -> bool:
            """Disarm when a new request's headers have arrived; whether one has."""
            if self.cycle is None or self.cycle is self._started:
                return False
            self._started = self.cycle
            self._disarm()
            return True

        def _arm(self) -> None:
            self._disarm()
            self._deadline = self.loop.call_later(timeout, self._expire)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _expire(self) -> None:
            self._deadline = None
            if not self.transport.is_closing():
                # Debug, not warning: a flood of slow clients must not become a flood of log.
                logger.debug("closed a connection from %s: no complete request headers within %ss", self.client, timeout)
                self.transport.close()

    return HeaderDeadlineProtocol
