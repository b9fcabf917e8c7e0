"""What the web engines share: one POST, its failures sorted into "wait and retry" and "stop and say why".

Keys travel only in request headers; no message built here ever contains one.
"""

from __future__ import annotations

import os
import time
from email.utils import parsedate_to_datetime
from typing import Any

from .errors import Retryable, TranslationError

RETRY_STATUSES = {429, 500, 502, 503, 504}


def api_key(env_name: str, engine: str, *, required: bool) -> str:
    key = os.environ.get(env_name, "").strip() if env_name else ""
    if required and not key:
        raise TranslationError(
            f"{engine} needs an API key: set the environment variable {env_name or '(none named)'}"
        )
    return key


def retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: a number, or an HTTP date (RFC 9110 allows both)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError):
        return None


def redact(text: str, secret: str) -> str:
    return text.replace(secret, "***") if secret else text


def post_json(
    client,
    url: str,
    payload: dict[str, Any],
    *,
    engine: str,
    key: str,
    statuses: dict[int, str] | None = None,
) -> Any:
    """POST and return the decoded JSON answer; raise Retryable or TranslationError otherwise."""
    import httpx

    try:
        response = client.post(url, json=payload)
    except httpx.TimeoutException:
        raise Retryable(f"{engine} did not answer within {client.timeout.read:g} seconds") from None
    except httpx.ConnectError:  # refused or unknown host: a server not started or a wrong URL, not a hiccup
        raise TranslationError(
            f"cannot reach {engine} at {url} (is the address right and the server running?)"
        ) from None
    except httpx.HTTPError as exc:  # a connection dropped half-way, a broken answer
        raise Retryable(f"the connection to {engine} broke ({type(exc).__name__})") from None
    status = response.status_code
    if status in RETRY_STATUSES:
        raise Retryable(f"{engine} answered HTTP {status}", retry_after(response.headers.get("retry-after")))
    if statuses and status in statuses:
        raise TranslationError(statuses[status])
    if status in (401, 403):
        raise TranslationError(f"{engine} refused the API key (HTTP {status})")
    if status == 404:
        raise TranslationError(f"{engine}: no such endpoint or model at {url} (HTTP 404)")
    if status >= 400:
        raise TranslationError(
            f"{engine} rejected the request (HTTP {status}: {redact(_error_message(response), key)[:200]})"
        )
    try:
        return response.json()
    except ValueError:
        raise TranslationError(f"{engine} answered something that is not JSON") from None


def _error_message(response) -> str:
    try:
        data = response.json()
    except ValueError:
        return response.text.strip().splitlines()[0] if response.text.strip() else response.reason_phrase
    if isinstance(data, dict):
        error = data.get("error", data.get("message", data))
        if isinstance(error, dict):
            error = error.get("message", error)
        return str(error)
    return str(data)
