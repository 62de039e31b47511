# compose.yaml's two app servers, probed on /-/liveness, taken in turn; the acl of who may
# purge (the app servers, and the jobs container whose scheduled publishing changes pages too;
# in parentheses, a name that does not resolve is skipped instead of failing the start). Varnish resolves the names when it starts: after
# recreating an app container, restart the proxy (`docker compose restart proxy`).
import directors;

probe liveness {
    .url = "/-/liveness";
    .interval = 5s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

backend app1 {
    .host = "app1";
    .port = "8000";
    .probe = liveness;
    .first_byte_timeout = 35s;
}

backend app2 {
    .host = "app2";
    .port = "8000";
    .probe = liveness;
    .first_byte_timeout = 35s;
}

acl purgers {
    "app1";
    "app2";
    ("jobs");
}

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
    apps.add_backend(app2);
}
