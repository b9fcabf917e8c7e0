"""The ways news writes one figure, so that a search for it finds it however it was written.

A reader who types 11000 wants the article that says 1만1000명 and the one that says 11,000 troops; one
who types 35억 wants "$3.5 billion" on the English side too. The index holds the text as written (a comma
or a full stop splits a figure into two words, 만 is a word of its own), so a figure in the query is
searched as each of its usual written forms, any one of them matching.
"""

from __future__ import annotations

import re

#: A query word that is a figure: digits (with thousands commas or a decimal part) and Korean number
#: units, then what is glued after it (a counter such as 명 or 개, a particle).
_FIGURE_WORD = re.compile(r"(\d[\d,]*(?:\.\d+)?(?:\s?[십백천만억조]\d*[\d,]*(?:\.\d+)?)*)(\D*)")
_BIG = ((10**12, "조"), (10**8, "억"), (10**4, "만"))
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
#: Below this a figure is written one way (a day, an age, a count of ten): nothing to widen.
_SMALLEST = 1000


def _korean(value: int) -> list[str]:
    """10,000 and more in Korean units: 1만1000, 3억5000만, 12조3000억, and with 천 inside a group where it
    is whole thousands (1만1천, 12조3천억)."""
    groups: list[tuple[int, str]] = []
    rest = value
    for size, unit in _BIG:
        if rest >= size:
            groups.append((rest // size, unit))
            rest %= size
    if not groups:
        return []
    if rest:
        groups.append((rest, ""))
    forms = [""]
    for amount, unit in groups:
        ways = [str(amount)]
        if amount >= 1000 and amount % 1000 == 0 and amount < 10000:
            ways.append(f"{amount // 1000}천")
        forms = [form + way + unit for form in forms for way in ways]
    return forms


def _decimal(value: int, size: int) -> str | None:
    """`value` / `size` with at most two decimals (3.5, 1.25), or None when it needs more."""
    scaled = value / size
    if scaled < 1 or round(scaled, 2) != scaled:
        return None
    return f"{scaled:g}"


def figure_forms(word: str, *, counter: bool = True) -> list[str]:
    """Other written forms of the figure `word` is (11000 → 11,000, 1만1000, 1만1천, 1.1만, "11 thousand"
    is not news style and is left out), its counter kept after each Korean form (11000명 → 1만1000명); an
    empty list when `word` is no figure of a thousand or more, or not a whole number. `counter=False`:
    the forms of the figure alone (1400원 → 1,400, as the English writes it), the word's own among them."""
    match = _FIGURE_WORD.fullmatch(word.strip())
    if match is None:
        return []
    # Here, not at the top: the number parsers take 20-30 ms to import, which the library's start-up
    # (which imports the search) must not pay before a figure is searched for.
    from .numbers_korean import parse_korean_number

    figure, after = match.groups()
    if not counter and after:
        return [figure, *figure_forms(figure)]
    value = parse_korean_number(figure)
    if value is None or value < _SMALLEST or value != int(value):
        return []
    if re.fullmatch(r"1[89]\d\d|20\d\d", figure):
        return []  # a year: 2024 is not 2,024 of something
    whole = int(value)
    forms = [str(whole), f"{whole:,}", *_korean(whole)]
    for size, unit in _BIG:
        if whole >= size and whole % size:
            scaled = _decimal(whole, size)
            if scaled is not None:
                forms.append(f"{scaled}{unit}")  # 1.1만, 3.5억
    forms = [form + after for form in forms]
    if not after:  # an English form only when nothing Korean is glued to the figure
        for size, name in _SCALES:
            if whole >= size:  # the largest scale that applies, as news writes it
                scaled = _decimal(whole, size)
                if scaled is not None:
                    forms.append(f"{scaled} {name}")  # 3.5 billion, 11 million
                break
    typed = word.strip()
    return [form for form in dict.fromkeys(forms) if form != typed]
