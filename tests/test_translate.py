"""`reader translate` against real HTTP servers on 127.0.0.1 that speak the OpenAI chat-completions and
DeepL v2 request formats, including rate limits, server errors and a connection dropped half-way."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.cli import main
from reader.store import Store
from reader.translate import TranslationError, load_config
from reader.translate.driver import with_retries
from reader.translate.errors import Retryable
from servers import serving

KEY = "sk-test-7c1f0e9a4b"

KO = (
    "북한군 쿠르스크 배치\n\n"
    "국방부는 26일 북한군 1만1000명이 쿠르스크에 배치됐다고 밝혔다. 추가 파병도 배제할 수 없다고 했다.\n\n"
    "정부는 국가안보회의를 열었다. 외교부 장관이 참석했다. 회의는 두 시간 동안 이어졌다."
)
EN_FOR = {
    "북한군 쿠르스크 배치": "North Korean troops deployed to Kursk",
    "국방부는 26일 북한군 1만1000명이 쿠르스크에 배치됐다고 밝혔다.": "The Defence Ministry said on the 26th that 11,000 North Korean troops had been deployed to Kursk.",
    "추가 파병도 배제할 수 없다고 했다.": "It said further deployments could not be ruled out.",
    "정부는 국가안보회의를 열었다.": "The government held a National Security Council meeting.",
    "외교부 장관이 참석했다.": "The foreign minister attended.",
    "회의는 두 시간 동안 이어졌다.": "The meeting lasted two hours.",
}
SENTENCES = list(EN_FOR)  # in the article's order: the title line first
#: What the engine is asked, in order: the text's sentences, then the title (the headline is not in the
#: stored text: it is the title).
ASKED = SENTENCES[1:] + SENTENCES[:1]
KO_FOR = {
    "Seoul talks": "서울 회담",
    "The talks ended.": "회담이 끝났다.",
    "Both sides spoke.": "양측이 발언했다.",
}


class Engine(BaseHTTPRequestHandler):
    """Both APIs on one server. `script` says what to do with each coming request ("ok", "429", "500",
    "drop", "nonsense", "count", "korean"); when it runs out, requests succeed."""

    server: EngineServer

    def log_message(self, *args: object) -> None:
        pass

    def reply(self, status: int, data: object, headers: dict[str, str] | None = None) -> None:
        body = json.dumps(data, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        data = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        srv = self.server
        with srv.lock:
            action = srv.script.pop(0) if srv.script else "ok"
            srv.requests.append((self.path, data, action))
        if action == "drop":  # the connection breaks before any answer
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if action == "429":
            self.reply(429, {"error": {"message": "Rate limit reached"}}, {"Retry-After": srv.retry_after})
            return
        if action == "500":
            self.reply(500, {"error": {"message": "overloaded"}})
            return
        if self.path == "/v1/chat/completions":
            self.chat(data, action)
        elif self.path == "/v2/translate":
            self.deepl(data, action)
        else:
            self.reply(404, {"error": {"message": "not found"}})

    def chat(self, data: dict, action: str) -> None:
        if self.headers.get("Authorization") != f"Bearer {KEY}":
            self.reply(
                401,
                {"error": {"message": f"Incorrect API key provided: {self.headers.get('Authorization')}"}},
            )
            return
        assert data["model"] == "test-model" and data["messages"][0]["role"] == "system"
        sentences = json.loads(data["messages"][1]["content"])
        self.server.sentences.extend(sentences)
        answer = [EN_FOR.get(s) or KO_FOR.get(s) or f"Translation of: {s}" for s in sentences]
        if action == "count" and len(sentences) > 1:
            answer = answer[:-1]
        if action == "korean":
            answer = sentences
        content = (
            "I'm sorry, I can't help with that."
            if action == "nonsense"
            else "```json\n" + json.dumps(answer, ensure_ascii=False) + "\n```"
        )
        self.reply(
            200,
            {
                "id": "c1",
                "object": "chat.completion",
                "model": data["model"],
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": content},
                    }
                ],
            },
        )

    def deepl(self, data: dict, action: str) -> None:
        if self.headers.get("Authorization") != f"DeepL-Auth-Key {KEY}:fx":
            self.reply(403, {"message": "Wrong endpoint. Use https://api.deepl.com"})
            return
        if action == "quota":
            self.reply(456, {"message": "Quota exceeded"})
            return
        assert data["source_lang"] == "KO" and data["target_lang"] == "EN-US"
        self.server.sentences.extend(data["text"])
        self.reply(
            200,
            {"translations": [{"detected_source_language": "KO", "text": EN_FOR[s]} for s in data["text"]]},
        )


class EngineServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Engine)
        self.lock = threading.Lock()
        self.script: list[str] = []
        self.requests: list[tuple[str, dict, str]] = []
        self.sentences: list[str] = []
        self.retry_after = "0"

    def handle_error(self, request, client_address) -> None:
        pass


@pytest.fixture
def server() -> Iterator[EngineServer]:
    with serving(EngineServer()) as srv:
        yield srv


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEST_LLM_KEY", KEY)
    monkeypatch.setenv("TEST_DEEPL_KEY", f"{KEY}:fx")


def configure(tmp_path: Path, server: EngineServer, engine: str = "openai", **extra: object) -> None:
    """The user's config.toml (the tests' config directory is their own)."""
    url = f"http://127.0.0.1:{server.server_address[1]}"
    settings = {"batch_size": 2, "max_attempts": 3, "backoff": 0.01}
    settings.update(extra)
    lines = ["[translate]", f'engine = "{engine}"'] + [f"{k} = {json.dumps(v)}" for k, v in settings.items()]
    lines += [
        "[translate.openai]",
        f'base_url = "{url}/v1"',
        'model = "test-model"',
        'api_key_env = "TEST_LLM_KEY"',
        "[translate.deepl]",
        f'base_url = "{url}"',
        'api_key_env = "TEST_DEEPL_KEY"',
    ]
    path = tmp_path / "home" / ".config" / "reader" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def korean_only(location: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> int:
    path = tmp_path / "ko.txt"
    path.write_text(KO)
    code, out, err = run(location, "add", str(path), capsys=capsys)
    assert code == 0, err
    return int(out)


def snapshot(db: Path) -> list[tuple]:
    with Store.open(db) as store:
        return [
            tuple(r)
            for t in ("articles", "sentences", "segments", "mentions")
            for r in store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2")
        ]


def check_translated(db: Path, article_id: int, engine: str) -> None:
    """Every Korean sentence sits beside its own translation, paragraphs kept, the engine recorded."""
    with Store.open(db) as store:
        article = store.get_article(article_id)
        run_row = store.conn.execute(
            "SELECT * FROM translation_runs WHERE article_id = ?", (article_id,)
        ).fetchone()
        left = store.conn.execute("SELECT count(*) FROM translation_parts").fetchone()[0]
    assert [(s.ko, s.en) for s in article.segments] == list(EN_FOR.items())[1:]
    assert all(s.link == "1-1" and s.confidence == 1.0 for s in article.segments)
    assert [s.paragraph for s in article.segments] == [0, 0, 1, 1, 1]
    assert article.en_text.split("\n\n")[0].startswith(
        "The Defence Ministry said"
    )  # the headline is the title
    assert (
        article.title_en == "North Korean troops deployed to Kursk"
        and article.title_ko == "북한군 쿠르스크 배치"
    )
    assert article.translation_by == engine
    assert run_row["engine"] == engine and run_row["finished"] and left == 0
    assert any(m.side == "en" for m in article.mentions)  # the entity layer ran on the translation


def test_openai_translation_sentence_by_sentence(location, tmp_path, server, korean_only, capsys) -> None:
    configure(tmp_path, server)
    code, out, err = run(location, "translate", str(korean_only), capsys=capsys)
    assert code == 0, err
    assert "translated article" in err and "5 sentence(s)" in err
    check_translated(location, korean_only, "openai")
    assert len(server.requests) == 3 and server.sentences == ASKED  # batches of 2, each asked once
    # the key went only into the request headers: never into the library or the output
    assert KEY not in everything_stored(location) and KEY not in err + out


def everything_stored(location: Path | str) -> str:
    """The library as text: the file's bytes, or every row of every table on a server."""
    if isinstance(location, Path):
        return location.read_bytes().decode("utf-8", "replace")
    with Store.open(location) as store:
        tables = [r[0] for r in store.conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")]  # fmt: skip
        return "\n".join(str(tuple(row)) for t in tables for row in store.conn.execute(f"SELECT * FROM {t}"))


def test_deepl_translation(location, tmp_path, server, korean_only, capsys) -> None:
    configure(tmp_path, server, engine="deepl", batch_size=50)
    code, _out, err = run(location, "translate", str(korean_only), capsys=capsys)
    assert code == 0, err
    check_translated(location, korean_only, "deepl")
    assert [r[0] for r in server.requests] == ["/v2/translate"]


def test_rate_limits_and_server_errors_are_waited_out(
    location, tmp_path, server, korean_only, capsys
) -> None:
    configure(tmp_path, server)
    server.script = ["429", "ok", "500", "ok", "ok"]
    code, _out, err = run(location, "translate", str(korean_only), capsys=capsys)
    assert code == 0, err
    check_translated(location, korean_only, "openai")
    assert [r[2] for r in server.requests] == ["429", "ok", "500", "ok", "ok"]
    assert server.sentences == ASKED


def test_retry_after_is_honoured() -> None:
    waits: list[float] = []
    calls = iter([Retryable("x answered HTTP 429", 7.0), Retryable("x answered HTTP 503"), ["done"]])

    def call() -> list[str]:
        item = next(calls)
        if isinstance(item, Exception):
            raise item
        return item

    assert with_retries(call, attempts=5, backoff=0.5, max_wait=60, sleep=waits.append) == ["done"]
    assert waits == [7.0, 1.0]  # the server's Retry-After, then back-off doubled for the second attempt
    with pytest.raises(TranslationError, match="asks to wait 600 seconds"):
        with_retries(
            lambda: (_ for _ in ()).throw(Retryable("x answered HTTP 429", 600.0)),
            attempts=5,
            backoff=0.5,
            max_wait=60,
            sleep=waits.append,
        )


def test_retry_after_from_a_real_server(location, tmp_path, server, korean_only, capsys) -> None:
    configure(tmp_path, server, batch_size=10)
    server.retry_after = "1"
    server.script = ["429"]
    started = time.monotonic()
    code, _out, err = run(location, "translate", str(korean_only), capsys=capsys)
    assert code == 0, err
    assert time.monotonic() - started >= 1.0 and len(server.requests) == 2


def test_dropped_connection_resumes_where_it_stopped(location, tmp_path, server, korean_only, capsys) -> None:
    configure(tmp_path, server)
    before = snapshot(location)
    server.script = ["ok", "drop", "drop", "drop"]  # batch 1 lands, batch 2 never does
    code, _out, err = run(location, "translate", str(korean_only), capsys=capsys)
    assert code == 1 and err.count("\n") == 1
    assert "connection" in err and "2 of 6 sentences are kept" in err and "run the same command again" in err
    assert snapshot(location) == before  # the article is as it was
    assert len(server.requests) == 4
    code, _out, err = run(location, "translate", str(korean_only), capsys=capsys)
    assert code == 0, err
    assert "(2 from the interrupted run)" in err
    assert len(server.requests) == 6  # two more batches: it continued, it did not start again
    assert server.sentences == ASKED  # each sentence was translated exactly once
    check_translated(location, korean_only, "openai")


def test_another_engine_starts_afresh(location, tmp_path, server, korean_only, capsys) -> None:
    configure(tmp_path, server)
    server.script = ["ok", "drop", "drop", "drop"]
    assert run(location, "translate", str(korean_only), capsys=capsys)[0] == 1
    server.sentences.clear()
    code, _out, err = run(location, "translate", str(korean_only), "--engine", "deepl", capsys=capsys)
    assert code == 0, err
    assert server.sentences == ASKED  # nothing of the openai run was mixed in
    check_translated(location, korean_only, "deepl")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    "script, setup, message",
    [
        ([], lambda env: env.setenv("TEST_LLM_KEY", "wrong"), "openai refused the API key (HTTP 401)"),
        (
            [],
            lambda env: env.delenv("TEST_DEEPL_KEY"),
            ("deepl needs an API key: set the environment variable TEST_DEEPL_KEY"),
        ),
        (["quota"], None, "quota"),
        (["nonsense"], "batch_size=1", "the model's answer is not a translation of the sentence given"),
        (["nonsense", "nonsense"], None, "not a list of translations"),
        (["korean"], None, "the answer is in Korean, not English"),
        (["500"] * 3, None, "openai answered HTTP 500; gave up after 3 attempts"),
    ],
)
def test_engine_failures_are_one_line_and_change_nothing(
    location, tmp_path, server, korean_only, capsys, monkeypatch, script, setup, message
) -> None:
    extra = {"batch_size": 1} if setup == "batch_size=1" else {}
    configure(
        tmp_path, server, engine="deepl" if "deepl" in message or "quota" in message else "openai", **extra
    )
    if callable(setup):
        setup(monkeypatch)
    server.script = list(script)
    before = snapshot(location)
    code, out, err = run(location, "translate", str(korean_only), capsys=capsys)
    assert code == 1 and out == ""
    assert message in err and err.startswith("reader: ") and err.count("\n") == 1, err
    assert snapshot(location) == before
    assert "wrong" not in err and KEY not in err


def test_wrong_count_is_asked_again_sentence_by_sentence(
    location, tmp_path, server, korean_only, capsys
) -> None:
    configure(tmp_path, server)
    server.script = ["count"]  # the first batch of two comes back with one translation
    code, _out, err = run(location, "translate", str(korean_only), capsys=capsys)
    assert code == 0, err
    check_translated(location, korean_only, "openai")
    assert len(server.requests) == 5  # the short answer, two single sentences, then the other two batches


def test_unreachable_engine(location, korean_only, capsys) -> None:
    before = snapshot(location)
    code, _out, err = run(
        location,
        "translate",
        str(korean_only),
        "--engine",
        "openai",
        "--base-url",
        f"http://127.0.0.1:{closed_port()}/v1",
        "--model",
        "m",
        capsys=capsys,
    )
    assert code == 1 and "cannot reach openai" in err and err.count("\n") == 1
    assert snapshot(location) == before


def test_a_persons_translation_needs_force(location, tmp_path, server, capsys) -> None:
    configure(tmp_path, server)
    ko, en = tmp_path / "ko.txt", tmp_path / "en.txt"
    ko.write_text(KO)
    en.write_text("A translation by a person.\n\nIt is kept.")
    code, out, _ = run(location, "add", "--ko", str(ko), "--en", str(en), capsys=capsys)
    article_id = int(out)
    before = snapshot(location)
    code, out, err = run(location, "translate", str(article_id), capsys=capsys)
    assert (
        code == 1
        and "has both Korean and English already (translated by a person): nothing to translate" in err
    )
    assert "--force replaces the translation" in err and err.count("\n") == 1
    assert snapshot(location) == before and server.requests == []
    (tmp_path / "home" / ".config" / "reader" / "config.toml").unlink()  # no engine at all now
    code, out, err = run(location, "translate", str(article_id), capsys=capsys)
    assert code == 1 and "nothing to translate" in err and "engine" not in err  # said before any engine
    configure(tmp_path, server)
    code, out, err = run(location, "translate", str(article_id), "--force", capsys=capsys)
    assert code == 0, err
    check_translated(location, article_id, "openai")
    # a machine translation may be redone without --force
    code, out, err = run(location, "translate", str(article_id), "--engine", "deepl", capsys=capsys)
    assert code == 0, err
    check_translated(location, article_id, "deepl")


def test_english_only_article_is_translated_into_korean(location, tmp_path, server, capsys) -> None:
    configure(tmp_path, server)
    en = tmp_path / "en.txt"
    en.write_text("Seoul talks\n\nThe talks ended. Both sides spoke.")
    code, out, err = run(location, "add", str(en), capsys=capsys)
    code, out, err = run(location, "translate", out.strip(), capsys=capsys)
    assert code == 0, err
    assert "from English" in err
    with Store.open(location) as store:
        article = store.get_article(1)
    assert [(s.en, s.ko) for s in article.segments] == list(KO_FOR.items())[1:]
    assert article.title_ko == "서울 회담" and article.translation_by == "openai"
    assert article.ko_text == "회담이 끝났다. 양측이 발언했다."


def test_help_shows_the_config_format(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["translate", "--help"])
    shown = capsys.readouterr().out
    assert (
        "[translate]" in shown and "[translate.openai]" in shown and 'api_key_env = "OPENAI_API_KEY"' in shown
    )


def test_no_engine_configured_uses_no_network(location, korean_only, capsys) -> None:
    code, _out, err = run(location, "translate", str(korean_only), capsys=capsys)
    assert code == 1 and "no translation engine chosen" in err and "config.toml" in err


def test_config_refuses_keys_written_into_it(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[translate]\nengine = "deepl"\n[translate.deepl]\napi_key = "abc"\n')
    with pytest.raises(TranslationError, match="do not write API keys"):
        load_config(path=path)
    path.write_text('[translate]\nengine = "openai"\n')
    with pytest.raises(TranslationError, match="needs a model"):
        load_config(path=path)
    config = load_config(path=path, model="m", base_url="http://h/v1")
    assert (config.engine, config.model, config.base_url, config.api_key_env) == (
        "openai",
        "m",
        "http://h/v1",
        "OPENAI_API_KEY",
    )


def test_argos_missing_is_a_clear_line(location, korean_only, capsys, monkeypatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "argostranslate", None)  # not installed, whatever this machine has
    code, _out, err = run(location, "translate", str(korean_only), "--engine", "argos", capsys=capsys)
    assert code == 1 and "Argos Translate is not installed" in err and err.count("\n") == 1


def fake_argos(monkeypatch: pytest.MonkeyPatch, pairs: dict[tuple[str, str], dict[str, str]]) -> None:
    """An installed Argos Translate with the given language packages (its real module API, offline)."""
    import sys
    import types

    class Translation:
        def __init__(self, table: dict[str, str]) -> None:
            self.table = table

        def translate(self, text: str) -> str:
            return self.table[text]

    class Language:
        def __init__(self, code: str) -> None:
            self.code = code

        def get_translation(self, other: Language) -> Translation | None:
            table = pairs.get((self.code, other.code))
            return Translation(table) if table is not None else None

    package = types.ModuleType("argostranslate")
    module = types.ModuleType("argostranslate.translate")
    module.get_installed_languages = lambda: [Language("ko"), Language("en")]  # type: ignore[attr-defined]
    package.translate = module  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "argostranslate", package)
    monkeypatch.setitem(sys.modules, "argostranslate.translate", module)


def test_argos_translates_offline(location, korean_only, capsys, monkeypatch) -> None:
    fake_argos(monkeypatch, {("ko", "en"): EN_FOR})
    code, _out, err = run(location, "translate", str(korean_only), "--engine", "argos", capsys=capsys)
    assert code == 0, err
    check_translated(location, korean_only, "argos")


def test_argos_without_the_korean_package(location, korean_only, capsys, monkeypatch) -> None:
    fake_argos(monkeypatch, {("en", "ko"): {}})
    before = snapshot(location)
    code, _out, err = run(location, "translate", str(korean_only), "--engine", "argos", capsys=capsys)
    assert code == 1 and "no ko→en package is installed" in err and err.count("\n") == 1
    assert snapshot(location) == before


def test_deleting_an_article_mid_translation_takes_its_state_along(
    location, tmp_path, server, korean_only, capsys
) -> None:
    configure(tmp_path, server)
    server.script = ["ok", "drop", "drop", "drop"]
    assert run(location, "translate", str(korean_only), capsys=capsys)[0] == 1
    with Store.open(location) as store:
        assert store.conn.execute("SELECT count(*) FROM translation_parts").fetchone()[0] == 2
        assert store.delete_article(korean_only)
        assert store.conn.execute("SELECT count(*) FROM translation_parts").fetchone()[0] == 0
        assert store.conn.execute("SELECT count(*) FROM translation_runs").fetchone()[0] == 0


def test_translating_an_unknown_article_says_so_before_asking_for_an_engine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", str(tmp_path / "lib.db"), "translate", "999"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == "reader: no article with id 999 (see: reader list)"
