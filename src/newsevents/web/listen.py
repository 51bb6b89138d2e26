"""The server's listening socket, bound before anything is printed or loaded, so that a port
already taken is one clear error instead of "serving on ..." followed by uvicorn's [Errno 98]
(issue 13)."""
from __future__ import annotations

import errno
import socket


def listen_socket(host: str, port: int) -> socket.socket:
    """Bind ``host``:``port`` for uvicorn (``Server.run(sockets=[...])``), as uvicorn itself
    binds: IPv6 for a host with a colon, SO_REUSEADDR so a port in TIME_WAIT is free.

    Raises OSError: errno.EADDRINUSE when the port is taken (see ``listen_error``).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def listen_error(host: str, port: int, err: OSError) -> str:
    """The one-line error for an address the server cannot listen on."""
    where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    if err.errno == errno.EADDRINUSE:
        return f"error: {where}: the port is already in use (another server?); stop it, or pass --port with another"
    if err.errno == errno.EACCES:
        return f"error: {where}: permission denied (ports below 1024 need root); pass --port with another"
    return f"error: {where}: cannot listen there ({err.strerror or err}); check --host and --port"
