"""GET requests to addresses chosen by someone else: a platform's feed, an address staff typed.

Such an address may point anywhere, including at the server's own network, so every request
made here is guarded against server-side request forgery and bounded:

- http and https only; the host name is resolved once and every address it gives must be
  public (no loopback, private, link-local, shared, reserved or multicast range); the
  connection then goes to one of those vetted addresses, so no second lookup can be answered
  differently;
- redirects are followed here, each target checked again, at most `MAX_REDIRECTS`, and a
  loop is named as such;
- one deadline covers the lookup, the connection, TLS, the headers, the body and every
  redirect: a watchdog closes the socket when it passes, however slowly the server drips;
- the body is read up to a size limit, before and after gzip decompression.

Standard library only. `OUTBOUND_LOOPBACK_PORTS` lets the tests reach their own fake servers on
127.0.0.1; production leaves it empty (rameau_site/settings/production.py).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit

from django.conf import settings

ALLOWED_SCHEMES = ("http", "https")
MAX_REDIRECTS = 3
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
CHUNK = 64 * 1024
# NAT64 (RFC 6052) carries an IPv4 address in its last 32 bits: judged by that address.
NAT64 = ipaddress.ip_network("64:ff9b::/96")
# Characters left as they are when a path or query is made ASCII for the request line.
SAFE_IN_TARGET = "/%:@!$&'()*+,;=?~-._"


class FetchError(Exception):
    """Why nothing usable came back, in a short French sentence staff can act on."""


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


def size_label(max_bytes: int) -> str:
    """« 2 Mo », « 500 ko »."""
    if max_bytes >= 1024 * 1024:
        return f"{max_bytes / (1024 * 1024):g} Mo"
    return f"{max_bytes / 1024:g} ko"


def refusal(address: ipaddress.IPv4Address | ipaddress.IPv6Address, port: int) -> str | None:
    """Why an address must not be contacted, or None when it is a public one."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or (address.sixtofour if address.sixtofour else None)
        if address in NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if address.teredo:
            embedded = address.teredo[1]
        if embedded is not None:
            return refusal(embedded, port)
    if address.is_loopback:
        if port in getattr(settings, "OUTBOUND_LOOPBACK_PORTS", ()):
            return None
        return "adresse locale (loopback)"
    if address.is_link_local:
        return "adresse lien-local"
    if address.is_multicast:
        return "adresse de multidiffusion"
    if address.is_unspecified or address.is_reserved:
        return "adresse réservée"
    if address.is_private or not address.is_global:
        return "adresse privée"
    return None


def validate_public_url(value: str) -> None:
    """Form check for an address staff type: http(s), and not a local or private host written
    as such. A name that resolves to a private address is refused when it is fetched."""
    from django.core.exceptions import ValidationError

    try:
        parts = urlsplit(value)
        host = (parts.hostname or "").lower()
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise ValidationError("Adresse invalide.") from error
    if parts.scheme not in ALLOWED_SCHEMES:
        raise ValidationError("Seules les adresses http:// et https:// sont acceptées.")
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        raise ValidationError("Cette adresse désigne une machine locale : indiquez l'adresse publique du flux.")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return
    reason = refusal(address, port)
    if reason:
        raise ValidationError(f"Adresse refusée ({reason}) : indiquez l'adresse publique du flux.")


def _lookup(host: str, port: int, deadline: float) -> list[tuple[int, tuple]]:
    """getaddrinfo, abandoned at the deadline (the resolver's own timeouts can be long)."""
    answer: dict[str, object] = {}

    def resolve() -> None:
        try:
            answer["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            answer["error"] = error

    worker = threading.Thread(target=resolve, name="rameau-outbound-dns", daemon=True)
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()))
    if worker.is_alive():
        raise FetchError("délai dépassé (résolution du nom de domaine)")
    if "error" in answer:
        raise FetchError("nom de domaine introuvable")
    return [(family, sockaddr) for family, _type, _proto, _name, sockaddr in answer["infos"]]


def vetted_addresses(host: str, port: int, deadline: float) -> list[tuple[int, tuple]]:
    """The host's addresses, all public; FetchError if any one of them is not."""
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        family = socket.AF_INET6 if literal.version == 6 else socket.AF_INET
        infos = [(family, (str(literal), port, 0, 0) if literal.version == 6 else (str(literal), port))]
    else:
        infos = _lookup(host, port, deadline)
    if not infos:
        raise FetchError("nom de domaine introuvable")
    for _family, sockaddr in infos:
        address = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        reason = refusal(address, port)
        if reason:
            raise FetchError(f"adresse refusée : {host} mène à une {reason} ({address})")
    return infos


class _VettedConnection(http.client.HTTPConnection):
    """Speaks HTTP (and TLS, with the host's name for SNI and the certificate) to `host`, over a
    socket connected to an address vetted beforehand rather than to a second lookup."""

    def __init__(self, host: str, port: int, family: int, sockaddr: tuple, timeout: float, tls: ssl.SSLContext | None):
        super().__init__(host, port, timeout=timeout)
        self.vetted = (family, sockaddr)
        self.tls = tls

    def connect(self) -> None:
        family, sockaddr = self.vetted
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(self.timeout)
            sock.connect(sockaddr)
            if self.tls is not None:
                sock = self.tls.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise
        self.sock = sock


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


def _abort(connection: http.client.HTTPConnection) -> None:
    """The watchdog: shut the socket so that a read blocked past the deadline returns now."""
    sock = connection.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _read_body(response: http.client.HTTPResponse, connection, max_bytes: int, deadline: float) -> bytes:
    too_big = FetchError(f"réponse trop volumineuse (plus de {size_label(max_bytes)})")
    declared = response.getheader("Content-Length", "")
    if declared.strip().isdigit() and int(declared) > max_bytes:
        raise too_big
    coding = (response.getheader("Content-Encoding") or "").strip().lower()
    inflater = None
    if coding in ("gzip", "x-gzip"):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif coding == "deflate":
        inflater = zlib.decompressobj()
    raw_size, parts, size = 0, [], 0
    while True:
        connection.sock.settimeout(_remaining(deadline))
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        raw_size += len(chunk)
        if raw_size > max_bytes:
            raise too_big
        if inflater is not None:
            try:
                chunk = inflater.decompress(chunk, max_bytes + 1 - size)
            except zlib.error as error:
                raise FetchError("réponse compressée illisible") from error
        size += len(chunk)
        if size > max_bytes:
            raise too_big
        parts.append(chunk)
    _remaining(deadline)
    return b"".join(parts)


def _request_target(url: str) -> str:
    parts = urlsplit(url)
    target = quote(parts.path or "/", safe=SAFE_IN_TARGET)
    if parts.query:
        target += "?" + quote(parts.query, safe=SAFE_IN_TARGET)
    return target


def _tls_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def _one_exchange(url: str, headers: dict[str, str], max_bytes: int, deadline: float) -> Response:
    """One request without following redirects; a redirect comes back as it is, body unread."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise FetchError(f"adresse refusée : seuls http et https sont acceptés ({scheme or 'sans protocole'})")
    try:
        host = parts.hostname
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as error:
        raise FetchError("adresse invalide") from error
    if not host:
        raise FetchError("adresse invalide (pas de nom de domaine)")
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError as error:
        raise FetchError("adresse invalide (nom de domaine)") from error
    addresses = vetted_addresses(ascii_host, port, deadline)
    tls = _tls_context() if scheme == "https" else None
    last_error: Exception | None = None
    for family, sockaddr in addresses:
        connection = _VettedConnection(ascii_host, port, family, sockaddr, _remaining(deadline), tls)
        watchdog = threading.Timer(_remaining(deadline), _abort, args=(connection,))
        watchdog.daemon = True
        watchdog.start()
        try:
            try:
                connection.connect()
            except OSError as error:  # the next address may answer
                last_error = error
                continue
            connection.request("GET", _request_target(url), headers=headers)
            connection.sock.settimeout(_remaining(deadline))
            response = connection.getresponse()
            found = {name.lower(): value for name, value in response.getheaders()}
            if response.status in REDIRECT_STATUSES and found.get("location"):
                return Response(url, response.status, found)
            body = _read_body(response, connection, max_bytes, deadline)
            return Response(url, response.status, found, body)
        finally:
            watchdog.cancel()
            connection.close()
    raise last_error or FetchError("connexion impossible")


def describe(error: BaseException, timeout: float) -> str:
    """A short French reason for an exception raised while talking to the server."""
    if isinstance(error, FetchError):
        return str(error)
    if isinstance(error, TimeoutError | socket.timeout):
        return f"délai dépassé ({timeout:g} s)"
    if isinstance(error, ssl.SSLCertVerificationError):
        return "certificat TLS refusé (invalide, expiré ou d'un autre domaine)"
    if isinstance(error, ssl.SSLError):
        return "erreur TLS (chiffrement de la connexion)"
    if isinstance(error, ConnectionRefusedError):
        return "connexion refusée"
    if isinstance(error, http.client.HTTPException | ConnectionError):
        return "réponse interrompue ou mal formée"
    return f"échec de la connexion ({error.__class__.__name__})"


def fetch(
    url: str,
    headers: dict[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> Response:
    """GET `url`, following up to `max_redirects` redirects, each one checked like the first.

    Whatever the final status (200, 304, 404…), it comes back as a Response; FetchError says
    why there is none (refused address, timeout, size, redirects, TLS, network).
    """
    deadline = time.monotonic() + timeout
    request_headers = {"Accept-Encoding": "gzip", "Connection": "close", **(headers or {})}
    seen = {url}
    current = url
    try:
        for _hop in range(max_redirects + 1):
            response = _one_exchange(current, request_headers, max_bytes, deadline)
            if response.status not in REDIRECT_STATUSES or "location" not in response.headers:
                return response
            current = urljoin(current, response.headers["location"].strip())
            if current in seen:
                raise FetchError("boucle de redirections")
            seen.add(current)
        raise FetchError(f"trop de redirections (plus de {max_redirects})")
    except FetchError:
        raise
    except (OSError, http.client.HTTPException, ValueError) as error:
        if time.monotonic() >= deadline:
            raise FetchError(f"délai dépassé ({timeout:g} s)") from error
        raise FetchError(describe(error, timeout)) from error
