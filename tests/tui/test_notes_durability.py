"""A saved note survives SIGKILL of a real `reader` process, driven by keys in a real terminal (tmux)."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.store import Store
from reader.store.notes import list_notes

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux to run reader in a terminal")

READER = Path(sys.executable).with_name("reader")


class Terminal:
    """One `reader` in its own tmux server (own socket, so nothing else running in tmux is touched)."""

    def __init__(self, db: Path) -> None:
        self.socket = f"reader-test-{os.getpid()}-{time.monotonic_ns()}"
        reader, library = shlex.quote(str(READER)), shlex.quote(str(db))
        # The terminal's own size, not one a test runner left in COLUMNS/LINES; UTF-8 for the Korean typed.
        command = f"exec env -u COLUMNS -u LINES LANG=C.UTF-8 LC_ALL=C.UTF-8 {reader} --db {library}"
        self.tmux("new-session", "-d", "-s", "notes", "-x", "160", "-y", "48", command, check=True)

    def tmux(self, *args: str, check: bool = False) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check)
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-t", "notes", "-p")

    def wait_for(self, text: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.screen():
                return
            time.sleep(0.05)
        pytest.fail(f"{text!r} never showed; the screen was:\n{self.screen()}")

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", "notes", *(["-l"] if literal else []), *keys)

    @property
    def pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", "notes", "#{pane_pid}").strip())

    def close(self) -> None:
        self.tmux("kill-server")


def test_a_note_saved_by_keys_survives_sigkill(library: Store) -> None:
    path = library.path
    library.close()  # the test reads the file afresh afterwards, as a restarted reader would
    terminal = Terminal(path)
    try:
        terminal.wait_for("North Korean radio traffic intercepted")
        terminal.keys("Enter")
        terminal.wait_for("Ukraine's defence intelligence")
        terminal.keys("j", "a")
        terminal.wait_for("ctrl+s save")
        terminal.keys("survives SIGKILL 사상자 #durable", literal=True)
        terminal.wait_for("survives SIGKILL")
        terminal.keys("C-s")
        terminal.wait_for("Note saved")
        pid = terminal.pid
        os.kill(pid, signal.SIGKILL)  # no clean shutdown, no chance to flush anything after the message
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "notes" in terminal.tmux("list-sessions"):
            time.sleep(0.05)
    finally:
        terminal.close()
    reopened = Store.open(path)
    try:
        (note,) = list_notes(reopened.conn)
        assert note.body == "survives SIGKILL 사상자 #durable"
        assert note.tags == ("durable",) and note.target == "segment" and note.exact.startswith("정보총국에")
    finally:
        reopened.close()
