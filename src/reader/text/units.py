"""Units a translator converts (1907km → 1,185 miles, 30리터 → nearly 8 gallons, 1유로 → $1.59), and when two
figures in different units say the same thing.

The factors and each dimension's tolerance are data (`reader/data/units.csv`): a unit's value in its
dimension's base unit, as a range where the world gives one (a currency's rate over the years news is
read for, a "ton" that may be short, metric or long), an offset for temperature, and how far apart two
figures may be and still agree, since translators round ("about 150 miles" for 240 km).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    dimension: str
    low: float
    high: float
    offset: float
    tolerance: float


#: Units a figure may be read in besides its own: "pounds" is money or weight; 파운드 too.
ALTERNATIVES = {"gbp": ("lb",)}


@cache
def unit_table() -> dict[str, Unit]:
    """The bundled table of units, by the normalised unit name the number parsers give."""
    ref = resources.files("reader").joinpath("data", "units.csv")
    with ref.open(encoding="utf-8") as f:
        return {
            row["unit"]: Unit(
                row["unit"],
                row["dimension"],
                float(row["low"]),
                float(row["high"]),
                float(row["offset"]),
                float(row["tolerance"]),
            )
            for row in csv.DictReader(f)
        }


def dimension(unit: str | None) -> str | None:
    """What a unit measures ("length", "money", …), or None for a unit the table does not convert."""
    found = unit_table().get(unit or "")
    return found.dimension if found else None


def readings(unit: str | None) -> tuple[str, ...]:
    """The units a figure written in `unit` may be meant in: itself, and for "pounds" weight too."""
    if unit is None or unit not in unit_table():
        return ()
    return (unit, *ALTERNATIVES.get(unit, ()))


def _base(value: float, unit: Unit) -> tuple[float, float]:
    a, b = value * unit.low + unit.offset, value * unit.high + unit.offset
    return (a, b) if a <= b else (b, a)


def agree(value: float, unit: str, other_value: float, other_unit: str) -> bool:
    """Whether `value unit` and `other_value other_unit` can be the same amount, within the tolerance of
    their dimension (and, for currencies, of any rate in the table's range)."""
    table = unit_table()
    a, b = table.get(unit), table.get(other_unit)
    if a is None or b is None or a.dimension != b.dimension:
        return False
    lo, hi = _base(value, a)
    olo, ohi = _base(other_value, b)
    floor = 10.0 if a.dimension == "temperature" else 0.0
    slack = max(a.tolerance, b.tolerance) * max(abs(lo), abs(hi), abs(olo), abs(ohi), floor)
    return lo - slack <= ohi and olo - slack <= hi


def convert(value: float, unit: str, to: str) -> float:
    """`value unit` expressed in `to` (the middle of the range for currencies): for the words of a finding."""
    table = unit_table()
    a, b = table[unit], table[to]
    lo, hi = _base(value, a)
    mid = (lo + hi) / 2
    return (mid - b.offset) / ((b.low + b.high) / 2)
