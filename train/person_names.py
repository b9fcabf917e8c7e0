"""Write the English recogniser's list of given names and surnames (reader/data/models/en-person-names.tsv).

    pip install -e ".[train]" && python train/person_names.py   # the `names` package: US Census 1990 lists

The lists are the US Census Bureau's 1990 frequency lists of given names and surnames (a work of the US
Government, public domain), as shipped by the `names` package (MIT). Each line is a name in lower case and
its kind: `first` (a given name), `last1` (one of the 2,000 commonest surnames), `last2` (the next 18,000).
A capitalised word on the list is a feature of the English model (reader/text/ner.py): "Kowalski confirmed
the deal" opens with a surname even where no training sentence held it. Retrain the model after changing
the list (train/ner.py).
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "reader" / "data" / "models" / "en-person-names.tsv"
SURNAMES = (2_000, 20_000)  # the ranks that end last1 and last2


def census_file(name: str) -> list[str]:
    """The names of one of the Census files the `names` package ships, commonest first."""
    import names

    path = Path(names.__file__).parent / name
    return [line.split()[0].lower() for line in path.read_text(encoding="ascii").splitlines() if line.strip()]


def main() -> None:
    kinds: dict[str, str] = {}
    for rank, name in enumerate(census_file("dist.all.last")[: SURNAMES[1]]):
        kinds[name] = "last1" if rank < SURNAMES[0] else "last2"
    for name in census_file("dist.male.first") + census_file("dist.female.first"):
        kinds[name] = "first"  # a given name that is also a surname (James, Thomas) counts as a given name
    header = (
        "# given names and surnames from the US Census Bureau's 1990 lists (public domain), as packaged by "
        "the names package; written by train/person_names.py\n"
    )
    OUT.write_text(header + "".join(f"{n}\t{k}\n" for n, k in sorted(kinds.items())), encoding="utf-8")
    print(f"{len(kinds):,} names -> {OUT.relative_to(REPO)} ({OUT.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
