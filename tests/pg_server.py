"""A real PostgreSQL server for the tests: initdb in a temporary folder, `postgres` on a free port of
127.0.0.1, a fresh database for each test (copied from a template holding the library schema).

No mock: the store's PostgreSQL backend is tested against the server it will meet. The server refuses to
run as root, so when the tests run as root (CI does) it runs as the `postgres` user if there is one, else
as `nobody`, in a folder given to that user. Without the server's binaries the tests that need it fail
with one line saying what to install: a backend that is never tested is not a backend.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ADMIN = "reader_admin"
#: Stops the server and removes its folder once the test process is gone, however it ended (a worker
#: killed, a crash): no server outlives the tests that started it.
_WATCHDOG = """
import os, shutil, subprocess, sys, time
pid, pg_ctl, data, root, uid, gid = sys.argv[1:7]
while True:
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        break
    time.sleep(1)
def drop():
    if int(uid) >= 0:
        os.setgid(int(gid))
        os.setuid(int(uid))
if os.path.exists(data):
    subprocess.run([pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"], preexec_fn=drop, capture_output=True)
shutil.rmtree(root, ignore_errors=True)
"""
TEMPLATE = "reader_template"


class ServerMissing(RuntimeError):
    pass


def binaries() -> Path:
    """The folder holding initdb, pg_ctl and postgres: on PATH, else Debian's /usr/lib/postgresql/NN/bin."""
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[-3]), reverse=True
    )
    if candidates:
        return Path(candidates[0]).parent
    raise ServerMissing("PostgreSQL's server (initdb, pg_ctl) is not installed: apt-get install postgresql")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unprivileged() -> pwd.struct_passwd | None:
    """The user the server runs as when the tests run as root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise ServerMissing("running as root with neither a postgres nor a nobody user to run the server as")


class PgServer:
    """One server for a test session (or an xdist worker), torn down at its end."""

    def __init__(self) -> None:
        self.bin = binaries()
        self.user = _unprivileged()
        self.root = Path(tempfile.mkdtemp(prefix="reader-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._count = 0

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        user = self.user

        def drop() -> None:
            if user is not None:
                os.setgid(user.pw_gid)
                os.setuid(user.pw_uid)

        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C.UTF-8"
        return subprocess.run(
            args, preexec_fn=drop, env=env, capture_output=True, text=True, check=False, cwd=self.root
        )

    def start(self) -> None:
        if self.user is not None:
            os.chown(self.root, self.user.pw_uid, self.user.pw_gid)
        done = self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", ADMIN, "--auth=trust", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        if done.returncode:
            raise RuntimeError(f"initdb failed: {done.stderr.strip()}")
        self.launch()
        uid, gid = (self.user.pw_uid, self.user.pw_gid) if self.user is not None else (-1, -1)
        subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, str(os.getpid()), str(self.bin / "pg_ctl"), str(self.data),
             str(self.root), str(uid), str(gid)],
            start_new_session=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.admin(f"CREATE DATABASE {TEMPLATE}")
        from reader.store import Store

        with Store.open(self.url(TEMPLATE)):  # the schema, once: each test's database is a copy
            pass

    def launch(self) -> None:
        """Start the server on its data folder (again, after `halt`)."""
        options = (
            f"-p {self.port} -h 127.0.0.1 -k '' -F -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=50 -c shared_buffers=32MB"
        )
        log = self.root / "server.log"
        done = self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(log), "-w", "start"
        )
        if done.returncode:
            text = log.read_text(errors="replace") if log.exists() else ""
            raise RuntimeError(f"the PostgreSQL server did not start: {done.stderr.strip()} {text[-2000:]}")

    def halt(self) -> None:
        """Stop the server, keeping its data, as its administrator restarting it would: every client's
        connection is closed (a fast shutdown: what was committed is kept; the tests' server syncs
        nothing to disk itself)."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str, user: str = ADMIN) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(sql)

    def password_role(self, name: str, password: str) -> None:
        """A login role that must give its password (SCRAM): the server trusts every other role, and this
        one is for the tests of libpq's ways of giving a password."""
        self.admin(
            f"DO $$ BEGIN CREATE ROLE {name} LOGIN PASSWORD '{password}'; "
            "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        )
        hba = self.data / "pg_hba.conf"
        line = f"host all {name} 127.0.0.1/32 scram-sha-256\n"
        text = hba.read_text(encoding="utf-8")
        if line not in text:
            hba.write_text(line + text, encoding="utf-8")  # before the trust lines: the first match wins
            done = self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "reload")
            if done.returncode:
                raise RuntimeError(f"pg_ctl reload failed: {done.stderr.strip()}")
            time.sleep(0.2)  # the postmaster rereads pg_hba.conf on the signal

    def new_database(self, *, empty: bool = False) -> str:
        """A fresh database for one test, already holding the library schema unless `empty`; its URL."""
        self._count += 1
        name = f"library_{os.getpid()}_{self._count}"
        template = "template0" if empty else TEMPLATE
        for attempt in range(20):
            try:
                self.admin(f"CREATE DATABASE {name} TEMPLATE {template}")
                break
            except Exception as exc:  # the template is briefly busy while another copy starts
                if "being accessed" not in str(exc) or attempt == 19:
                    raise
                time.sleep(0.05)
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        if self.data.exists():
            done = self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
            pid_file = self.data / "postmaster.pid"
            if done.returncode and pid_file.exists():  # pg_ctl could not: the server's own process, by its id
                try:
                    os.kill(int(pid_file.read_text().split()[0]), signal.SIGQUIT)
                except (OSError, ValueError, IndexError):
                    pass
        shutil.rmtree(self.root, ignore_errors=True)
