"""A fake partner platform on 127.0.0.1, started by the tests: a WordPress-shaped site with its
feed, an Atom feed, and every way a platform can go wrong (size, stalls, redirects, encodings,
scripts). It records each request so tests can count them and read their headers."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ETAG = '"wp-feed-1"'
LAST_MODIFIED = "Thu, 05 Mar 2026 08:00:00 GMT"
HUGE = 5 * 1024 * 1024
STALL_SECONDS = 20.0

HOME = b"""<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="UTF-8">
<title>RSE &amp; Partenariats</title>
<link rel="alternate" type="application/rss+xml" title="RSE &amp; Partenariats &raquo; Flux" href="/feed/" />
<link rel="alternate" type="application/rss+xml" title="RSE &amp; Partenariats &raquo; Flux des commentaires" href="/comments/feed/" />
<link rel="https://api.w.org/" href="/wp-json/" />
</head><body><h1>RSE &amp; Partenariats</h1><img src="/wp-content/uploads/banniere.jpg" alt=""></body></html>"""

NO_FEED_HOME = b"<!DOCTYPE html><html><head><title>Sans flux</title></head><body>Rien</body></html>"


def wordpress_rss(origin: str) -> bytes:
    """What WordPress 6 serves at /feed/: seven posts, newest first, with what real posts carry
    (CDATA, content:encoded, « […] » tails, images) and what hostile ones could (scripts,
    javascript: links, links to another site, a relative link)."""
    items = [
        (
            "Guide pratique : <em>co-construire</em> avec les entreprises",
            f"{origin}/2026/03/04/guide-pratique/",
            "Wed, 04 Mar 2026 09:30:00 +0000",
            "<p>Un <strong>guide</strong> pour démarrer un partenariat&nbsp;: étapes, outils et exemples. "
            f'<img src="{origin}/wp-content/uploads/2026/03/guide.jpg" alt="" /></p>'
            "<p>La suite du guide détaille les conditions de réussite observées sur le terrain, "
            "les erreurs à éviter et les ressources à mobiliser pour chaque étape du projet "
            "commun, avec des témoignages de dirigeants et de responsables associatifs qui ont "
            "conduit de telles démarches pendant plusieurs années.</p> [&#8230;]",
        ),
        (
            '<script>alert("titre")</script>Retour sur la rencontre du 26 février',
            "/2026/02/27/retour-rencontre/",
            "Fri, 27 Feb 2026 17:00:00 +0000",
            '<p>Compte rendu.</p><script>document.location="https://pirate.example/"</script>'
            '<p onclick="alert(1)">Les échanges ont porté sur l\'évaluation.</p>',
        ),
        (
            "Un lien piégé",
            "javascript:alert(document.cookie)",
            "Thu, 26 Feb 2026 10:00:00 +0000",
            "<p>Ce lien ne doit jamais apparaître.</p>",
        ),
        (
            "Un article hébergé ailleurs",
            "https://pirate.example/article/",
            "Wed, 25 Feb 2026 10:00:00 +0000",
            "<p>Un autre site que la plateforme.</p>",
        ),
        (
            "Webinaire : mesurer l'impact",
            f"{origin}/2026/02/12/webinaire-impact/",
            "Thu, 12 Feb 2026 12:00:00 +0000",
            "<p>Inscriptions ouvertes.</p>",
        ),
        (
            "Étude 2025 sur les alliances",
            f"{origin}/2026/01/20/etude-2025/",
            "Tue, 20 Jan 2026 08:00:00 +0000",
            "<p>Les résultats de l'étude annuelle.</p>",
        ),
        (
            "Nouvelle fiche outil",
            f"{origin}/2026/01/06/fiche-outil/",
            "Tue, 06 Jan 2026 08:00:00 +0000",
            "<p>Une fiche pour préparer un premier rendez-vous.</p>",
        ),
        (
            "Bienvenue sur la plateforme",
            f"{origin}/2025/12/01/bienvenue/",
            "Mon, 01 Dec 2025 08:00:00 +0000",
            "<p>Le premier article.</p>",
        ),
    ]
    body = "".join(
        f"""
	<item>
		<title><![CDATA[{title}]]></title>
		<link>{link}</link>
		<comments>{link}#respond</comments>
		<dc:creator><![CDATA[equipe]]></dc:creator>
		<pubDate>{date}</pubDate>
		<category><![CDATA[Actualités]]></category>
		<guid isPermaLink="false">{origin}/?p={number}</guid>
		<description><![CDATA[{html}]]></description>
		<content:encoded><![CDATA[{html}]]></content:encoded>
		<wfw:commentRss>{link}feed/</wfw:commentRss>
		<slash:comments>0</slash:comments>
	</item>"""
        for number, (title, link, date, html) in enumerate(items, start=100)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>
<channel>
	<title>RSE &#38; Partenariats</title>
	<atom:link href="{origin}/feed/" rel="self" type="application/rss+xml" />
	<link>{origin}</link>
	<description>Le centre de ressources RSE &#38; Partenariats</description>
	<lastBuildDate>Wed, 04 Mar 2026 09:30:00 +0000</lastBuildDate>
	<language>fr-FR</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.7.1</generator>{body}
</channel>
</rss>
""".encode()


def atom(origin: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{origin}/publications/">
  <title>Plateforme de capitalisation</title>
  <link rel="alternate" type="text/html" href="{origin}/"/>
  <link rel="self" href="{origin}/atom.xml"/>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2026-02-10T10:00:00Z</updated>
  <entry>
    <title type="html">Cahier n&lt;sup&gt;o&lt;/sup&gt; 12 &amp;amp; annexes</title>
    <link rel="alternate" href="cahier-12/"/>
    <id>urn:cahier-12</id>
    <updated>2026-02-10T10:00:00Z</updated>
    <summary type="html">&lt;p&gt;Le douzième cahier de recherche.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>Kit d'animation territoriale</title>
    <link rel="alternate" href="{origin}/kits/animation/"/>
    <id>urn:kit</id>
    <published>2025-11-03T09:00:00+01:00</published>
    <updated>2025-11-04T09:00:00+01:00</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Un kit <b>pour agir</b>.</p></div></content>
  </entry>
</feed>
""".encode()


def latin1(origin: str) -> bytes:
    return f"""<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Fondations d'avenir</title><link>{origin}/</link>
<item><title>&Eacute;conomie sociale &amp; solidaire : l'&eacute;t&eacute; des fondations</title>
<link>{origin}/ete/</link><pubDate>Mon, 02 Feb 2026 10:00:00 +0100</pubDate>
<description>Caf&#233;-d&eacute;bat &laquo;&nbsp;mécénat&nbsp;&raquo; à Vincennes.</description></item>
</channel></rss>
""".encode("latin-1")


def entity_attacks(origin: str) -> bytes:
    """Nested entities (« billion laughs ») and an external one naming a local file."""
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY passwd SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>Piège</title><link>{origin}/</link>
<item><title>Rires &lol4;</title><link>{origin}/rires/</link><description>Fichier : &passwd;</description></item>
</channel></rss>
""".encode()


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


@dataclass
class Platform:
    origin: str
    port: int
    requests: list[Seen] = field(default_factory=list)
    #: Set by a test to make /feed/ answer as another route does: the platform goes wrong.
    feed_serves: str = ""
    robots: bytes = b"User-agent: *\nDisallow: /prive/\n"
    robots_status: int = 200

    def paths(self) -> list[str]:
        return [seen.path for seen in self.requests]

    def last(self, path: str) -> Seen:
        return [seen for seen in self.requests if seen.path == path][-1]


class Handler(BaseHTTPRequestHandler):
    platform: Platform
    stopping: threading.Event
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802 - http.server's name
        platform = self.server.platform
        platform.requests.append(Seen(self.path, {name.lower(): value for name, value in self.headers.items()}))
        path = self.path
        if path == "/feed/" and platform.feed_serves:
            path = platform.feed_serves
        return self.route(path)

    def route(self, path: str):
        platform = self.server.platform
        origin = platform.origin
        routes = {
            "/robots.txt": lambda: self.answer(platform.robots, "text/plain", status=platform.robots_status),
            "/": lambda: self.answer(HOME, "text/html; charset=UTF-8"),
            "/sans-flux/": lambda: self.answer(NO_FEED_HOME, "text/html"),
            "/feed/": self.wordpress_feed,
            "/prive/feed/": lambda: self.answer(wordpress_rss(origin), "application/rss+xml"),
            "/atom.xml": lambda: self.answer(atom(origin), "application/atom+xml"),
            "/latin1.xml": lambda: self.answer(latin1(origin), "application/rss+xml"),
            "/entities.xml": lambda: self.answer(entity_attacks(origin), "application/rss+xml"),
            "/gzip.xml": lambda: self.answer(gzip.compress(wordpress_rss(origin)), "application/rss+xml", gzipped=True),
            "/gzip-bomb.xml": lambda: self.answer(
                gzip.compress(b"<rss>" + b" " * HUGE), "application/rss+xml", gzipped=True
            ),
            "/huge.xml": lambda: self.answer(b"<rss>" + b" " * HUGE + b"</rss>", "application/rss+xml"),
            "/huge-chunked.xml": self.huge_chunked,
            "/stall.xml": self.stall,
            "/drip.xml": self.drip,
            "/malformed.xml": lambda: self.answer(b"<rss><channel><item><title>Coup\xe9", "application/rss+xml"),
            "/html-page/": lambda: self.answer(NO_FEED_HOME, "text/html"),
            "/moved": lambda: self.redirect("/feed/"),
            "/hop-1": lambda: self.redirect("/hop-2"),
            "/hop-2": lambda: self.redirect("/hop-3"),
            "/hop-3": lambda: self.redirect("/hop-4"),
            "/hop-4": lambda: self.redirect("/atom.xml"),
            "/loop-a": lambda: self.redirect("/loop-b"),
            "/loop-b": lambda: self.redirect("/loop-a"),
            "/to-metadata": lambda: self.redirect("http://169.254.169.254/latest/meta-data/"),
        }
        if path.startswith("/to-loopback/"):
            return self.redirect(f"http://127.0.0.1:{path.removeprefix('/to-loopback/')}/secret")
        route = routes.get(path)
        if route is None:
            return self.answer(b"<h1>Page introuvable</h1>", "text/html", status=404)
        return route()

    def wordpress_feed(self):
        platform = self.server.platform
        if self.headers.get("If-None-Match") == ETAG:
            self.send_response(304)
            self.send_header("ETag", ETAG)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return self.answer(
            wordpress_rss(platform.origin),
            "application/rss+xml; charset=UTF-8",
            extra={"ETag": ETAG, "Last-Modified": LAST_MODIFIED},
        )

    def answer(self, body: bytes, content_type: str, status: int = 200, gzipped: bool = False, extra=None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            if gzipped:
                self.send_header("Content-Encoding", "gzip")
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the reader gave up, as it should
            pass

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def huge_chunked(self) -> None:
        """5 MB without a Content-Length: only counting what arrives can stop it."""
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b" " * 65536
            for _ in range(HUGE // len(chunk)):
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def stall(self) -> None:
        """Accepts the request, then says nothing for 20 s."""
        self.server.stopping.wait(STALL_SECONDS)

    def drip(self) -> None:
        """Headers at once, then a byte every 0.2 s for 20 s: each read is quick, the whole is not."""
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "100")
            self.end_headers()
            started = time.monotonic()
            while time.monotonic() - started < STALL_SECONDS and not self.server.stopping.is_set():
                self.wfile.write(b" ")
                self.wfile.flush()
                self.server.stopping.wait(0.2)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@contextmanager
def platform_server() -> Iterator[Platform]:
    """The fake platform on a free port of 127.0.0.1, stopped (stalls released) afterwards."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    port = httpd.server_address[1]
    httpd.platform = Platform(f"http://127.0.0.1:{port}", port)
    httpd.stopping = threading.Event()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.platform
    finally:
        httpd.stopping.set()
        httpd.shutdown()
        httpd.server_close()
