"""Random text through the HTML and web importers: nothing but ImportProblem escapes, and the text that
comes out is the text that went in, with no markup read into it (escaped tags, Rich markup, entities)."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from reader.importers.clean import clean_text
from reader.importers.errors import ImportProblem
from reader.importers.html import page_from_html
from reader.importers.web import page_from_url
from servers import serving, url_of

# Words of news text in both languages, with the scripts and marks that trip up text handling.
_letters = st.one_of(
    st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),  # Hangul syllables
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),  # Hanja
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1F64F),  # emoji
    st.characters(min_codepoint=0x0300, max_codepoint=0x036F),  # combining marks
    st.characters(min_codepoint=0x61, max_codepoint=0x7A),
    st.sampled_from(list("ABCXYZ0123456789.,?!'\"“”()%$-\u200b")),
)
# Things that look like markup to someone: HTML, entities, Rich, Markdown, a terminal escape.
MARKUP = [
    "<b>",
    "</b>",
    "<script>alert(1)</script>",
    "<p>",
    "<!-- x -->",
    "&amp;",
    "&lt;",
    "&#44032;",
    "&nbsp;",
    "[bold red]",
    "[/]",
    "[link=https://example.org]",
    "**",
    "`code`",
    "\x1b[31m",
    "]]>",
    "<![CDATA[",
    "\\",
]
words = st.one_of(st.text(_letters, min_size=1, max_size=12), st.sampled_from(MARKUP))
paragraph = st.lists(words, min_size=1, max_size=30).map(" ".join)
# Plain prose long enough for any extractor to take it for an article, so the random paragraphs sit in
# a real one and the extractor's choices are tested, not only its refusals.
PROSE = (
    "국방부는 26일 북한군 약 1만1000명이 러시아 쿠르스크 지역에 배치된 것으로 파악된다고 밝혔다. "
    "국방부 대변인은 정례 브리핑에서 추가 파병 가능성도 배제할 수 없다며 동향을 주시하고 있다고 말했다."
)


def article_page(title: str, paragraphs: list[str]) -> str:
    """A news page whose article holds `paragraphs`, written as HTML text (escaped), as a site would."""
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in [PROSE, *paragraphs])
    return (
        f'<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"</head><body><nav><a href='/'>홈</a></nav><main><article><h1>{html.escape(title)}</h1>\n{body}"
        "</article></main><footer>Copyright</footer></body></html>"
    )


def _flat(text: str) -> str:
    """Compared without whitespace, in NFC, without what HTML cannot carry (C0 controls)."""
    # strip first: a zero-width space between a letter and its accent keeps them from composing
    return unicodedata.normalize("NFC", re.sub(r"[\s\x00-\x1f\x7f\u200b]+", "", text))


def assert_literal(text: str, given: list[str], title: str) -> None:
    """Every line that came out is a stretch of what was written, character for character."""
    pieces = [PROSE, *given, title]
    source = _flat(" ".join(pieces))
    for line in text.split("\n"):
        # a line is one piece, or runs across pieces; combining marks of two pieces that touch once the
        # space between them is gone are put in canonical order by NFC, so check each piece alone too
        assert _flat(line) in source or any(_flat(line) in _flat(p) for p in pieces), line


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=paragraph, paragraphs=st.lists(paragraph, max_size=6))
def test_html_importer_keeps_text_literal(title: str, paragraphs: list[str]) -> None:
    try:
        page = page_from_html(article_page(title, paragraphs), "page.html")
    except ImportProblem as exc:
        event("refused")
        assert str(exc).startswith("page.html: ")
        return
    event("extracted")
    assert page.lang in ("ko", "en")
    assert_literal(page.text, paragraphs, title)
    assert page.text == clean_text(page.text)  # cleaned: one form of each article, whatever the page


@settings(max_examples=80, deadline=None)
@given(
    markup=st.lists(
        st.one_of(
            words,
            st.sampled_from(
                [
                    "<div>",
                    "</div>",
                    "<article>",
                    "<p",
                    ">",
                    "<",
                    "</",
                    "<html>",
                    "<head>",
                    "<body>",
                    "<?xml?>",
                    "<!DOCTYPE",
                ]
            ),
        ),
        max_size=40,
    ).map("".join)
)
def test_html_importer_survives_any_markup(markup: str) -> None:
    """Broken, unbalanced or hostile markup: a page or one ImportProblem, nothing else."""
    try:
        page = page_from_html(markup, "page.html")
    except ImportProblem as exc:
        event("refused")
        assert str(exc).startswith("page.html: ")
    else:
        event("extracted")
        assert page.text.strip() and page.lang in ("ko", "en")


# --- the web importer against a server on 127.0.0.1 --------------------------------------------------------

RESPONSES: dict[str, tuple[int, str, bytes]] = {}


class Served(BaseHTTPRequestHandler):
    """Answers each path with what the test put in RESPONSES."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        status, content_type, body = RESPONSES.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Served)
    server.daemon_threads = True
    with serving(server):
        yield url_of(server)


CONTENT_TYPES = [
    "text/html; charset=utf-8",
    "text/html",
    "text/html; charset=EUC-KR",
    "text/html; charset=bogus",
    "application/xhtml+xml",
    "text/plain; charset=utf-8",
    "text/plain",
    "application/pdf",
    "",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    number=st.integers(0, 10**9),
    status=st.sampled_from([200, 200, 200, 404, 500]),
    content_type=st.sampled_from(CONTENT_TYPES),
    title=paragraph,
    paragraphs=st.lists(paragraph, max_size=4),
    as_page=st.booleans(),
)
def test_web_importer_gives_a_page_or_one_problem(
    site: str, number: int, status: int, content_type: str, title: str, paragraphs: list[str], as_page: bool
) -> None:
    text = "\n\n".join([PROSE, *paragraphs])
    body = article_page(title, paragraphs) if as_page else text
    encoding = "euc-kr" if "EUC-KR" in content_type else "utf-8"
    path = f"/{number}"
    RESPONSES[path] = (
        status,
        content_type,
        body.encode(encoding, "xmlcharrefreplace" if as_page else "replace"),
    )
    try:
        page = page_from_url(site + path, timeout=10)
    except ImportProblem as exc:
        event("refused")
        assert str(exc).startswith(site + path)
        assert status == 200 or f"HTTP {status}" in str(exc)
        return
    finally:
        del RESPONSES[path]
    event("extracted")
    assert status == 200 and page.url == site + path and page.lang in ("ko", "en")
    if content_type.startswith("text/plain") and encoding == "utf-8":
        assert page.text == clean_text(
            body
        )  # plain text is taken as it is, tags and all: nothing read as markup
    elif as_page:
        assert_literal(page.text, paragraphs, title)
