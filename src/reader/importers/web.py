"""Fetching a page the user named: httpx with a timeout, a size limit, redirects, and one clear error each.

The network is used only here and only for an address the user gave.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from ..text.language import detect_language
from .clean import clean_text
from .errors import ImportProblem
from .html import Page, decode_html, page_from_html
from .titles import title_and_text

#: Defaults for `reader add URL`; a news page is far below the size, and a healthy site far below the time.
TIMEOUT_SECONDS = 20.0
MAX_PAGE_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "reader (bilingual news reader; fetches only pages its user asks for)"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    media_type: str
    charset: str | None


def is_url(text: str) -> bool:
    """Meant as a web address (http:// or https://), even when it is a broken one: `fetch` says what is wrong."""
    return urlsplit(text).scheme in ("http", "https") and "://" in text


def fetch(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_PAGE_BYTES) -> Fetched:
    """GET `url`, following redirects; `timeout` bounds the whole download, not only each read."""
    import httpx

    if not is_url(url) or not urlsplit(url).netloc:
        raise ImportProblem(f"{url}: not a web address (http:// or https:// and a host name)")
    deadline = time.monotonic() + timeout
    try:
        client = httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.1"},
        )
        with client, client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise ImportProblem(
                    f"{url}: the server answered HTTP {response.status_code} "
                    f"{response.reason_phrase}".rstrip()
                )
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise ImportProblem(f"{url}: the page is larger than the {_mb(max_bytes)} limit")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise ImportProblem(f"{url}: the page is larger than the {_mb(max_bytes)} limit")
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("deadline")
                chunks.append(chunk)
            media_type, charset = _content_type(response.headers.get("content-type", ""))
            final = str(response.url)
    except httpx.TimeoutException:
        raise ImportProblem(f"{url}: no complete answer within {timeout:g} seconds") from None
    except httpx.TooManyRedirects:
        raise ImportProblem(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.ConnectError as exc:
        raise ImportProblem(f"{url}: cannot connect ({_reason(exc)})") from None
    except httpx.HTTPError as exc:
        raise ImportProblem(f"{url}: download failed ({_reason(exc)})") from None
    return Fetched(final, b"".join(chunks), media_type, charset)


def page_from_url(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_PAGE_BYTES) -> Page:
    """Fetch and extract one article page (HTML, or plain text served as such)."""
    got = fetch(url, timeout=timeout, max_bytes=max_bytes)
    if got.media_type in ("text/html", "application/xhtml+xml", ""):
        return page_from_html(decode_html(got.content, got.url, got.charset), got.url, got.url)
    if got.media_type == "text/plain":
        text = clean_text(decode_html(got.content, got.url, got.charset))
        lang = detect_language(text)
        if not text or lang is None:
            raise ImportProblem(f"{got.url}: no Korean or English text found")
        title, text = title_and_text(text)
        return Page(text, lang, title, None, urlsplit(got.url).hostname or "", got.url)
    raise ImportProblem(f"{got.url}: is {got.media_type}, not a web page")


def _content_type(value: str) -> tuple[str, str | None]:
    msg = Message()
    msg["content-type"] = value or "text/html"
    # Why the ignore: get_param gives a (charset, language, value) tuple for an RFC 2231 `charset*=`, a
    # form not expected in a Content-Type's charset and not handled here.
    return msg.get_content_type(), msg.get_param("charset")  # type: ignore[return-value]


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[-1][:160] if text else type(exc).__name__


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"
