"""Issue 18 item 5: a client that trickles its request headers is cut off at the header
deadline; a normal request, and a second request on a kept-alive connection, are not.

A tiny ASGI app under uvicorn with the protocol ``serve`` uses, on 127.0.0.1; the deadline is
made short so the test is quick."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn

from newsevents.web.deadline import header_deadline_protocol

DEADLINE = 0.6


async def hello(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
    await send({"type": "http.response.body", "body": b"ok"})


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(hello, log_level="warning", http=header_deadline_protocol(DEADLINE),
                                           timeout_keep_alive=30))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    yield sock.getsockname()[1]
    server.should_exit = True
    thread.join(10)


def closed_after(conn: socket.socket, seconds: float) -> bool:
    """Whether the server closes ``conn`` within ``seconds`` (reads nothing but the close)."""
    conn.settimeout(seconds)
    try:
        return conn.recv(1024) == b""
    except socket.timeout:
        return False
    except ConnectionResetError:
        return True


def test_trickled_headers_are_cut_off_at_the_deadline(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as conn:
        started = time.monotonic()
        try:
            for byte in b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"x" * 100:
                conn.sendall(bytes([byte]))  # one byte at a time keeps uvicorn's keep-alive timer reset
                time.sleep(DEADLINE / 10)
                if time.monotonic() - started > DEADLINE * 3:
                    break
        except (BrokenPipeError, ConnectionResetError):
            pass  # closed while the client was still trickling
        assert closed_after(conn, DEADLINE * 3)
        assert time.monotonic() - started < DEADLINE * 4


def test_a_silent_connection_is_closed(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as conn:
        assert closed_after(conn, DEADLINE * 4)


def test_requests_in_time_are_answered_and_kept_alive(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as conn:
        for _ in range(2):
            conn.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            conn.settimeout(5)
            response = b""
            while not response.endswith(b"ok"):
                response += conn.recv(1024)
            assert response.startswith(b"HTTP/1.1 200")
            time.sleep(DEADLINE / 3)  # under the deadline: the connection stays usable
        # Idle past the deadline after a response: the next request's headers never came.
        assert closed_after(conn, DEADLINE * 4)


def test_the_deadline_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        header_deadline_protocol(0)
