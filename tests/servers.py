"""Local HTTP servers for tests: each runs in a daemon thread for as long as a `with` block holds it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from socketserver import BaseServer
from typing import TypeVar

Server = TypeVar("Server", bound=BaseServer)


@contextmanager
def serving(server: Server) -> Iterator[Server]:
    """Serve requests from a thread until the block ends, then stop and close the socket."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def url_of(server: BaseServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"
