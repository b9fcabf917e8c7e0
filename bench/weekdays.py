"""The weekday check on real translated news: silent on correct pairs when the publication date is right.

    python bench/weekdays.py [--dev DIR] [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--step DAYS]

Reads the gold sentence pairs of the development alignment set (DIR/align/art*/: meta.json and gold.json),
real Korean news and its English translation, where "28일(현지시간)" often stands beside "on Monday".  The
set gives no publication dates, so the check is run with each assumed date from --start to --end: for every
date it prints how many correct pairs get a weekday alarm (should be 0 near the true dates, which its
events place in the second half of July 2008), how many pairs set a day beside a weekday at all, and how
many of those are flagged once their English weekday is moved by one or by two days (a time zone named in
the pair excuses one day, so the one-day figure is lower by design).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from reader.text.check import check_pair
from reader.text.numbers import find_quantities, find_weekdays

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def gold_pairs(dev: Path) -> list[tuple[str, str]]:
    """Every gold pair with text on both sides: (Korean, English)."""
    pairs = []
    for art in sorted((dev / "align").glob("art*")):
        meta = json.loads((art / "meta.json").read_text(encoding="utf-8"))
        for ko_ids, en_ids in json.loads((art / "gold.json").read_text(encoding="utf-8")):
            if ko_ids and en_ids:
                pairs.append(
                    (
                        " ".join(meta["ko_sentences"][i] for i in ko_ids),
                        " ".join(meta["en_sentences"][i] for i in en_ids),
                    )
                )
    return pairs


def shifted(en: str, by: int) -> str | None:
    """The English with its one weekday moved `by` days, or None without exactly one."""
    found = find_weekdays(en, "en")
    if len(found) != 1:
        return None
    w = found[0]
    return en[: w.start] + _WEEKDAYS[(w.value + by) % 7] + en[w.end :]


def day_beside_weekday(ko: str, en: str) -> bool:
    """A Korean day of the month and an English weekday, with no weekday in the Korean."""
    days = [q for q in find_quantities(ko, "ko") if q.kind == "date" and q.unit == "day"]
    return bool(days) and not find_weekdays(ko, "ko") and len(find_weekdays(en, "en")) == 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=REPO.parent / "shared" / "eval-dev")
    ap.add_argument("--start", type=date.fromisoformat, default=date(2008, 7, 1))
    ap.add_argument("--end", type=date.fromisoformat, default=date(2008, 8, 31))
    ap.add_argument("--step", type=int, default=3)
    args = ap.parse_args()
    pairs = gold_pairs(args.dev)
    candidates = [(ko, en) for ko, en in pairs if day_beside_weekday(ko, en)]
    print(f"gold pairs={len(pairs)}; a Korean day beside an English weekday in {len(candidates)}")
    print("assumed date   false alarms   corrupted +1 flagged   corrupted +2 flagged")
    day = args.start
    while day <= args.end:
        alarms = sum(any("weekday" in r for r in check_pair(ko, en, published=day)) for ko, en in pairs)
        caught = []
        for by in (1, 2):
            bad = [(ko, s) for ko, en in candidates if (s := shifted(en, by)) is not None]
            hits = sum(any("weekday" in r for r in check_pair(ko, en, published=day)) for ko, en in bad)
            caught.append(f"{hits}/{len(bad)}")
        print(f"{day.isoformat()}     {alarms:>5}          {caught[0]:>9}              {caught[1]:>9}")
        day += timedelta(days=args.step)


if __name__ == "__main__":
    main()
