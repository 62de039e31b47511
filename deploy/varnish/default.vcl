# The caching proxy in front of the app servers (compose.yaml's `proxy`; tested by
# tests/performance/test_proxy.py with Debian's varnish). Varnish 7, VCL 4.1.
#
# - Caches what the site marks `public` (HTML for the time the site gives, 60 s by default;
#   the hashed static files for a year) and nothing else: an answer that sets a cookie, or
#   says private / no-store / no-cache, or gives no lifetime at all, is never stored.
# - Never looks in the cache for the admin, previews, documents, health checks, forms sent
#   (anything but GET/HEAD), staff (a session cookie) or a visitor with a message waiting.
# - A PURGE, accepted only from the app servers (acl `purgers`), forgets every page: the site
#   files everything under one content version, so a change can show on any page
#   (caching/frontend.py sends one after each committed change).
#
# The backends, their director `apps` and the acl `purgers` live in backends.vcl, so that a
# test or another layout swaps them without touching these rules.
vcl 4.1;

import std;

include "backends.vcl";

sub vcl_recv {
    set req.backend_hint = apps.backend();

    if (req.method == "PURGE" || req.method == "BAN") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Purge refused"));
        }
        ban("obj.http.X-Rameau-Url !~ ^/static/");
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin|documents|_util|-)/") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Other cookies (csrftoken, a browser's leftovers) change nothing in a public page: the
    # lookup ignores them, and the app still gets them (vcl_backend_fetch), so a page that
    # does use one (the contact form) answers `private` and is never stored.
    if (req.http.Cookie) {
        set req.http.X-Rameau-Cookie = req.http.Cookie;
        unset req.http.Cookie;
    }
    return (hash);
}

sub vcl_hash {
    # http:// answers with a redirect, https:// with the page: two entries.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_fetch {
    if (bereq.http.X-Rameau-Cookie) {
        set bereq.http.Cookie = bereq.http.X-Rameau-Cookie;
        unset bereq.http.X-Rameau-Cookie;
    }
}

sub vcl_backend_response {
    # Kept on the object for the bans (lurker-friendly), removed before delivery.
    set beresp.http.X-Rameau-Url = bereq.url;
    if (beresp.status >= 500
        || beresp.http.Set-Cookie
        || !beresp.http.Cache-Control
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Vary == "*") {
        # Ask the app every time (and remember that for two minutes: no request queueing).
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    set beresp.grace = 10s;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Rameau-Url;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "pass";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
