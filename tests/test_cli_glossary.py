"""`reader glossary`: the starter termbase is there, and the user's additions survive a round trip."""

from __future__ import annotations

import json

from reader.cli import main


def run(db, *args, capsys):
    code = main(["--db", str(db), "glossary", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_library_has_the_starter_glossary(location, capsys) -> None:
    _, out, _ = run(location, "list", "--json", capsys=capsys)
    entries = json.loads(out)
    assert len(entries) >= 400
    kursk = [e for e in entries if "쿠르스크" in e["ko"]]
    assert kursk and "Kursk" in kursk[0]["en"] and kursk[0]["type"] == "PLACE"
    assert {e["origin"] for e in entries} == {"bundled"}


def test_add_list_remove(location, capsys) -> None:
    code, out, err = run(
        location,
        "add",
        "--ko",
        "화랑99",
        "--en",
        "Hwarang-99",
        "--type",
        "equipment",
        "--note",
        "test missile",
        capsys=capsys,
    )
    assert code == 0, err
    new_id = int(out)
    code, out, _ = run(location, "list", "화랑99", capsys=capsys)
    assert "Hwarang-99" in out and "EQUIPMENT" in out
    code, _, err = run(
        location, "add", "--ko", "화랑99", "--en", "Hwarang-99", "--type", "EQUIPMENT", capsys=capsys
    )
    assert code == 1 and "already" in err
    assert run(location, "remove", str(new_id), capsys=capsys)[0] == 0
    assert "Hwarang-99" not in run(location, "list", capsys=capsys)[1]
    code, _, err = run(location, "remove", str(new_id), capsys=capsys)
    assert code == 1 and f"no glossary entry with id {new_id}" in err


def test_bad_type_is_refused(location, capsys) -> None:
    code, _, err = run(location, "add", "--ko", "가", "--en", "A", "--type", "FRUIT", capsys=capsys)
    assert code == 1 and "type must be one of" in err


def test_csv_export_import_round_trip(location, tmp_path, capsys) -> None:
    other = tmp_path / "other.db"
    run(location, "add", "--ko", "화랑99|화랑-99", "--en", "Hwarang-99", "--type", "EQUIPMENT", capsys=capsys)
    out_file = tmp_path / "g.csv"
    assert run(location, "export", "-o", str(out_file), capsys=capsys)[0] == 0
    text = out_file.read_text(encoding="utf-8")
    assert text.startswith("ko,en,type,note\n") and "화랑99|화랑-99,Hwarang-99,EQUIPMENT" in text
    code, _, err = run(other, "import", str(out_file), capsys=capsys)
    assert code == 0 and "added 1," in err  # only the user's entry is new there
    assert "Hwarang-99" in run(other, "list", "Hwarang-99", capsys=capsys)[1]


def test_cp949_csv_import(location, tmp_path, capsys) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes("ko,en,type,note\n천궁,Cheongung|KM-SAM,EQUIPMENT,방공 미사일\n".encode("cp949"))
    code, _, err = run(location, "import", str(path), capsys=capsys)
    assert code == 0, err
    assert "방공 미사일" in run(location, "list", "천궁", capsys=capsys)[1]


def test_bad_csv_imports_nothing(location, tmp_path, capsys) -> None:
    before = run(location, "export", capsys=capsys)[1]
    path = tmp_path / "bad.csv"
    path.write_text("ko,en,type\n천궁,KM-SAM,EQUIPMENT\n,Missing Korean,PLACE\n")
    code, _, err = run(location, "import", str(path), capsys=capsys)
    assert code == 1 and "lack a Korean or an English form" in err
    path.write_text("a,b\n1,2\n")
    code, _, err = run(location, "import", str(path), capsys=capsys)
    assert code == 1 and "lacks column" in err
    assert run(location, "export", capsys=capsys)[1] == before


def test_glossary_change_updates_the_articles_it_touches(location, tmp_path, capsys) -> None:
    from reader.store import Store

    ko, en = tmp_path / "ko.txt", tmp_path / "en.txt"
    ko.write_text("군은 가나다라마 체계를 시험했다.")
    en.write_text("The army tested the Ganadarama system.")
    assert main(["--db", str(location), "add", "--ko", str(ko), "--en", str(en)]) == 0
    article_id = int(capsys.readouterr().out)

    def linked_pairs():
        with Store.open(location) as store:
            a = store.get_article(article_id)
        by_id = {m.id: m for m in a.mentions}
        return {
            (a.ko_text[m.start : m.end], a.en_text[by_id[m.partner].start : by_id[m.partner].end], m.how)
            for m in a.mentions
            if m.side == "ko" and m.partner
        }

    assert ("가나다라마", "Ganadarama", "glossary") not in linked_pairs()
    code, out, err = run(
        location, "add", "--ko", "가나다라마", "--en", "Ganadarama", "--type", "EQUIPMENT", capsys=capsys
    )
    assert code == 0 and "updated entities in 1 article" in err
    assert ("가나다라마", "Ganadarama", "glossary") in linked_pairs()
    assert run(location, "remove", out.strip(), capsys=capsys)[0] == 0
    assert ("가나다라마", "Ganadarama", "glossary") not in linked_pairs()
