"""Numbers, quantities and dates in Korean and English news, normalised so the two sides can be compared.

A translator renders "1만1000명" as "11,000 people", "35억 달러" as "$3.5 billion" and "26일" as "Nov. 26";
the aligner and the entity recogniser both need to see that these are the same fact. Every quantity is
reduced to a value, a normalised unit and a kind; dates are split into their parts (year, month, day), and
a day also carries its month and year when the text gives them next to it.

The parsers live in their own modules: `quantity` (the `Quantity` record and the date parts a day takes
on), `numbers_korean`, `numbers_english` and `weekdays`; this one joins them and keeps the public names.
"""

from __future__ import annotations

from reader.text.escapes import escape_sequences
from reader.text.numbers_english import _english_quantities, parse_english_number
from reader.text.numbers_korean import _korean_quantities, is_sino_korean_count, parse_korean_number
from reader.text.quantity import Quantity
from reader.text.weekdays import Weekday, find_weekdays

__all__ = [
    "Quantity",
    "Weekday",
    "find_quantities",
    "find_weekdays",
    "is_sino_korean_count",
    "parse_english_number",
    "parse_korean_number",
]


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """All quantities in `text` ("ko" or "en"), in order of position, not overlapping."""
    if lang == "ko":
        found = _korean_quantities(text)
        # Korean texts quote foreign figures too ("$3.5 billion", "Nov. 26"); pick those up where no Korean
        # quantity claims the place already.
        taken = [(q.start, q.end) for q in found]
        for q in _english_quantities(text):
            if q.kind != "number" and all(q.end <= a or q.start >= b for a, b in taken):
                found.append(q)
        found.sort(key=lambda q: (q.start, q.end))
    else:
        found = _english_quantities(text)
    if "\x1b" in text:
        codes = escape_sequences(text)
        found = [q for q in found if not any(s < q.end and q.start < e for s, e in codes)]
    return found
