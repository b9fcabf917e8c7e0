"""The article's publication date reaches the translation check on every path that stores findings: import,
re-analysis after a glossary change, `reader reanalyse`, and a machine translation."""

from __future__ import annotations

from reader.cli import main
from reader.reanalysis import reanalyse, refresh_entities
from reader.store import Store
from reader.store.glossary import load_glossary
from reader.translate.article import translate_article
from reader.translate.config import EngineConfig

# 28 Nov 2024 was a Thursday: "29일" beside "on Thursday" is wrong in an article of that day
KO = "국가정보원은 29일 국회 정보위원회에서 북한군 일부가 전투에 투입됐다고 보고했다."
EN = "The NIS told lawmakers on Thursday that some North Korean troops are in combat."


def _issues(db, article_id: int) -> list[str]:
    with Store.open(db) as store:
        article = store.get_article(article_id)
    return [issue for s in article.segments for issue in s.issues]


def _add(db, tmp_path, capsys, *date: str, ko: str = KO, en: str | None = EN) -> int:
    (tmp_path / "ko.txt").write_text(ko, encoding="utf-8")
    args = ["--db", str(db), "add", "--ko", str(tmp_path / "ko.txt")]
    if en is not None:
        (tmp_path / "en.txt").write_text(en, encoding="utf-8")
        args += ["--en", str(tmp_path / "en.txt")]
    assert main([*args, *date]) == 0
    return int(capsys.readouterr().out)


def test_import_with_a_date_flags_the_weekday_and_keeps_it_through_reanalysis(
    location, tmp_path, capsys
) -> None:
    article_id = _add(location, tmp_path, capsys, "--date", "2024-11-28")
    assert any("29일" in i and "Friday" in i and "Thursday" in i for i in _issues(location, article_id))

    with Store.open(location) as store:
        refresh_entities(store.conn, [article_id], load_glossary(store.conn))
    assert any("weekday" in i for i in _issues(location, article_id))

    with Store.open(location) as store:
        reanalyse(store.conn, article_id)
    assert any("weekday" in i for i in _issues(location, article_id))


def test_import_without_a_date_cannot_place_the_day(location, tmp_path, capsys) -> None:
    article_id = _add(location, tmp_path, capsys)
    assert not any("weekday" in i for i in _issues(location, article_id))


class _Engine:
    """A machine translation that says "Thursday" for a Friday, as a careless engine might."""

    name = "fake"

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        return [EN for _ in texts]

    def close(self) -> None:
        pass


def test_a_machine_translation_is_checked_with_the_articles_date(location, tmp_path, capsys) -> None:
    article_id = _add(
        location, tmp_path, capsys, "--date", "2024-11-28", "--title-ko", "국정원 보고", en=None
    )
    with Store.open(location) as store:
        translate_article(store.conn, article_id, EngineConfig("fake"), engine=_Engine())
    assert any("weekday" in i for i in _issues(location, article_id))
