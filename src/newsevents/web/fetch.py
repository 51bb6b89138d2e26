"""The server's URL fetcher: http(s) only, to public addresses only, pinned per connection.

``POST /v1/code`` with a url used the CLI's fetcher, which goes wherever it is told: the
server's own /openapi.json, a service on its private network, the cloud metadata address
(server-side request forgery, issue 13). Here every hop's host is resolved once, all of its
addresses must pass the address policy, and the connection goes to the very address that was
checked, with the original name in Host and in TLS's SNI and certificate check. A DNS name
that answers a public address to the check and a private one to the connection (DNS
rebinding) gets no second lookup to play with.
"""
from __future__ import annotations

import ipaddress
import socket
import time
import urllib.parse
from collections.abc import Callable

import urllib3

from ..errors import InputError
from ..ingest.sources import (MAX_REDIRECTS, REDIRECT_STATUSES, TOO_MANY_REDIRECTS, fetch_timeout, http_error,
                              media_type, read_capped)
from ..settings import USER_AGENT
from .errors import BadRequest, Forbidden

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressPolicy = Callable[[IPAddress], bool]

SCHEMES = {"http": 80, "https": 443}
ACCEPT = "text/html, text/plain;q=0.9, */*;q=0.1"


def is_public_address(address: IPAddress) -> bool:
    """True for an address on the public internet; False for loopback, private, link-local
    (169.254.169.254, the cloud metadata service), multicast, unspecified, shared (CGNAT),
    documentation and reserved addresses, in IPv4 and IPv6.

    An IPv6 address that carries an IPv4 one (IPv4-mapped ::ffff:a.b.c.d, 6to4 2002::/16)
    is judged by the IPv4 address too: ``::ffff:127.0.0.1`` reaches loopback.
    """
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            # ::ffff:0:0/96 is "reserved" as an IPv6 range; what it reaches is the IPv4 address.
            return is_public_address(address.ipv4_mapped)
        if address.sixtofour is not None and not is_public_address(address.sixtofour):
            return False
    # is_global alone is not enough: Python counts multicast (224.0.0.0/4) as global.
    return address.is_global and not (address.is_multicast or address.is_reserved or address.is_private
                                      or address.is_loopback or address.is_link_local or address.is_unspecified)


def fetch_public_url(url: str, *, policy: AddressPolicy = is_public_address,
                     timeout: float | None = None) -> tuple[bytes, str | None, str]:
    """Fetch a URL for a client of the server, following redirects, each hop checked.

    policy: which resolved addresses may be connected to (tests inject one that lets
        127.0.0.1 through; the default refuses every non-public address).
    timeout: seconds for the whole fetch, redirects included (default: fetch_timeout()).
    Returns the body, its declared media type and the final URL.
    Raises BadRequest (not http/https, no host), Forbidden (an address the policy refuses)
    or InputError (unreachable, HTTP error, too large, timed out, too many redirects).
    """
    timeout = fetch_timeout() if timeout is None else timeout
    deadline = time.monotonic() + timeout
    for _hop in range(MAX_REDIRECTS + 1):
        scheme, host, port, target, host_header = _split(url)
        address = _checked_address(host, port, policy)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise InputError(f"timed out after {timeout:g} s")
        with _pool(scheme, host, address, port) as pool:
            try:
                response = pool.urlopen("GET", target, headers={"Host": host_header, "User-Agent": USER_AGENT, "Accept": ACCEPT},
                                        redirect=False, retries=False, preload_content=False,
                                        timeout=urllib3.Timeout(connect=remaining, read=remaining))
                location = response.headers.get("Location")
                if response.status in REDIRECT_STATUSES and location:
                    url = urllib.parse.urljoin(url, location)
                    continue
                if response.status >= 400:
                    raise http_error(response.status, response.reason)
                body = read_capped(response, deadline=deadline)  # type: ignore[arg-type]
            except (TimeoutError, urllib3.exceptions.TimeoutError) as err:
                raise InputError(f"timed out after {timeout:g} s") from err
            except (urllib3.exceptions.HTTPError, OSError) as err:
                raise InputError(f"unreachable ({' '.join(str(err).split()) or type(err).__name__})") from err
        return body, media_type(response.headers.get("Content-Type")), url
    raise InputError(TOO_MANY_REDIRECTS)


def _split(url: str) -> tuple[str, str, int, str, str]:
    """The scheme, host, port, request target and Host header of an http(s) URL."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as err:
        raise BadRequest(f"invalid url ({err})") from err
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise BadRequest(f"only http and https URLs are fetched, not {scheme or 'this'!r}")
    if not parts.hostname:
        raise BadRequest("the url has no host")
    host = parts.hostname
    port = port or SCHEMES[scheme]
    target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
    # The Host header as the URL gave it, without any user:password@ (never sent on).
    host_header = parts.netloc.rpartition("@")[2]
    return scheme, host, port, target, host_header


def _checked_address(host: str, port: int, policy: AddressPolicy) -> IPAddress:
    """Resolve ``host`` once; every address must pass ``policy`` (a name with one private
    address among public ones could be steered to it). Returns the address to connect to."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise InputError(f"unreachable (cannot resolve {host!r})") from err
    # An IPv6 scope ("fe80::1%eth0") is dropped: the address is judged without it.
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in found]
    refused = [address for address in addresses if not policy(address)]
    if not addresses or refused:
        raise Forbidden(f"{host} resolves to {refused[0] if refused else 'nothing'}, not a public address: "
                        "the server fetches public web pages only")
    return addresses[0]


def _pool(scheme: str, host: str, address: IPAddress, port: int) -> urllib3.HTTPConnectionPool:
    """A one-connection pool to ``address`` itself; over https it names ``host`` in SNI and
    checks the certificate against ``host``, as a connection by name would."""
    if scheme == "https":
        return urllib3.HTTPSConnectionPool(str(address), port, maxsize=1, retries=False, server_hostname=host,
                                           assert_hostname=host)
    return urllib3.HTTPConnectionPool(str(address), port, maxsize=1, retries=False)
