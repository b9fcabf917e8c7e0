"""`reader check --fail` for scripts, the message that names both figures, and a sentence the translation
left out."""

from __future__ import annotations

import json

from reader.cli import main
from reader.cli.analysis_cmds import FOUND_STATUS
from reader.store import Store
from reader.text.omissions import left_out

KO = (
    "열차는 시베리아를 가로질러 1907km를 달렸다.\n\n"
    "승객들은 이틀 동안 기차 안에서 지냈고 모두 무사히 도착했다고 철도청이 밝혔다.\n\n"
    "철도청은 다음 달부터 같은 노선에 열차를 하루 두 번 운행할 계획이라고 덧붙였다."
)
EN_RIGHT = (
    "The train ran 1,185 miles across Siberia.\n\n"
    "The passengers spent two days on board and all arrived safely, the railway said.\n\n"
    "The railway said it planned to run the line twice a day from next month."
)
EN_WRONG = "The train ran 1,485 miles across Siberia.\n\n" + EN_RIGHT.split("\n\n", 1)[1]


def _add(location, tmp_path, ko: str, en: str, capsys) -> int:
    (tmp_path / "ko.txt").write_text(ko)
    (tmp_path / "en.txt").write_text(en)
    assert (
        main(
            ["--db", str(location), "add", "--ko", str(tmp_path / "ko.txt"), "--en", str(tmp_path / "en.txt")]
        )
        == 0
    )
    return int(capsys.readouterr().out)


def test_fail_exits_non_zero_only_when_something_is_found(location, tmp_path, capsys) -> None:
    right = _add(location, tmp_path, KO, EN_RIGHT, capsys)
    assert main(["--db", str(location), "check", str(right), "--fail"]) == 0
    assert "No disagreements" in capsys.readouterr().out
    wrong = _add(location, tmp_path, KO, EN_WRONG, capsys)
    assert main(["--db", str(location), "check", str(wrong), "--fail"]) == FOUND_STATUS
    assert "1,485 miles ≈ 2,390 km, the Korean says 1907km" in capsys.readouterr().out
    assert main(["--db", str(location), "check", str(wrong)]) == 0  # without --fail, a listing only
    capsys.readouterr()
    assert main(["--db", str(location), "check", "--json", "--fail"]) == FOUND_STATUS
    rows = json.loads(capsys.readouterr().out)
    assert [set(r) for r in rows] == [{"article", "position", "ko", "en", "reason"}]
    assert rows[0]["article"] == wrong


def test_a_sentence_left_out_of_the_translation_is_found(location, tmp_path, capsys) -> None:
    en = EN_RIGHT.split("\n\n")
    article = _add(location, tmp_path, KO, "\n\n".join([en[0], en[2]]), capsys)
    with Store.open(location) as store:
        segments = store.get_article(article).segments
    flagged = [s for s in segments if s.issues]
    assert [s.ko.strip()[:4] for s in flagged] == ["승객들은"[:4]]
    assert "left out" in flagged[0].issues[0]
    assert main(["--db", str(location), "check", str(article), "--fail"]) == FOUND_STATUS


def test_boilerplate_on_one_side_is_not_an_omission() -> None:
    assert left_out("김철수 기자 kim@example.com", "") == []
    assert left_out("", "Photo: Getty Images") == []
    assert left_out("ⓒ 한국일보, 무단 전재 및 재배포 금지", "") == []
    assert left_out("열차가 멈췄다", "") == []  # a headline of a few words
    assert left_out("", "By Jane Doe, Staff Reporter") == []
    assert left_out("승객들은 이틀 동안 기차 안에서 지냈고 모두 무사히 도착했다고 밝혔다.", "")
    assert left_out("", "The passengers spent two days on board and all arrived safely.")
    # a short sentence is one too when it ends as a sentence does, full stop and all (a headline does not)
    assert left_out("농경지 4500헥타르가 물에 잠겼다.", "") and left_out("논과 밭이 모두 물에 잠겼다.", "")
    assert left_out("", "The dam held firm overnight.")
    assert left_out("북한군 러시아 파병", "") == left_out("", "North Korea fires missile") == []


def test_an_article_in_one_language_has_nothing_left_out(location, tmp_path, capsys) -> None:
    (tmp_path / "ko.txt").write_text(KO)
    assert main(["--db", str(location), "add", "--ko", str(tmp_path / "ko.txt")]) == 0
    article = int(capsys.readouterr().out)
    with Store.open(location) as store:
        assert not any(s.issues for s in store.get_article(article).segments)
    assert main(["--db", str(location), "check", str(article), "--fail"]) == 0


def test_an_article_in_one_language_has_nothing_to_compare(location, tmp_path, capsys) -> None:
    (tmp_path / "en.txt").write_text(EN_RIGHT)
    assert main(["--db", str(location), "add", "--en", str(tmp_path / "en.txt")]) == 0
    only_english = int(capsys.readouterr().out)
    assert main(["--db", str(location), "check", str(only_english), "--fail"]) == 0
    assert f"Nothing to compare: article {only_english} has one language only." in capsys.readouterr().out
    assert (
        main(["--db", str(location), "check", "--fail"]) == 0
    )  # the whole library: the samples are not in it
    assert "Nothing to compare: no article here has both languages." in capsys.readouterr().out
