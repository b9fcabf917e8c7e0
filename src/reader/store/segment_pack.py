"""An article's aligned rows packed into one small blob.

A news article has about thirty aligned rows, read whole (to draw the reading screen, to join or split
a row by hand, to re-analyse around locked rows); a table row for each, with its key and eleven numbers
in SQLite's record format, took 43 bytes and a million-article library 1.2 GB. Packed as
`mention_pack.py` packs mentions, a row takes about eleven bytes: per row, columns of the paragraph's
step, each side's first sentence as the step from the previous row's last and its sentence count, each
side's span as the gap after the previous row's span and its length, the confidence (stored with four
decimals, as the aligner rounds it) as its distance from 1 in ten-thousandths, and one code byte
(locked, has issues, a link other than its sentence counts, a confidence of more decimals). A column
value is one byte (255 marks a larger one, written after the column); a column holding a negative
value (rows out of text order, which nothing writes) is stored zigzagged, as a bit of the header says.
The rare texts and exact confidences follow the columns. Columns are read back by C code (bytes →
list, running sums), so an article of 44,000 rows unpacks in milliseconds. A row's position is its
place in the blob.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from operator import add, and_, neg, rshift, sub, truediv, xor

from .byte_columns import get_column, get_text, get_varint, put_column, put_text, put_varint

_LOCKED, _ISSUES, _LINK, _EXACT = 1, 2, 4, 8
_SCALE = 10_000  # confidence in ten-thousandths
_COLUMNS = 10  # paragraph, ko from/count, en from/count, ko gap/length, en gap/length, confidence


@dataclass(frozen=True, slots=True)
class SegmentRow:
    """A segment to store: sentence index ranges [from, to) and character spans into each text."""

    position: int
    paragraph: int
    ko_from: int
    ko_to: int
    en_from: int
    en_to: int
    ko_start: int
    ko_end: int
    en_start: int
    en_end: int
    link: str
    confidence: float
    locked: bool = False
    issues: tuple[str, ...] = ()


def _steps(firsts: Sequence[int], lasts: Sequence[int]) -> tuple[list[int], list[int]]:
    """(first - the previous row's last, last - first) for each row: a step and a length."""
    return list(map(sub, firsts, [0, *lasts[:-1]])), list(map(sub, lasts, firsts))


def _confidence(value: float) -> int | None:
    """The confidence as ten-thousandths below 1, or None when that would not give it back exactly."""
    if not 0.0 <= value <= 1.0:
        return None
    below = _SCALE - round(value * _SCALE)
    return below if (_SCALE - below) / _SCALE == value else None


def pack_rows(rows: Sequence[SegmentRow]) -> bytes:
    """The rows, in order, as bytes (their positions are their places); `unpack_rows` gives them back."""
    columns: list[list[int]] = [
        list(map(sub, (r.paragraph for r in rows), [0, *(r.paragraph for r in rows[:-1])]))
    ]
    for first, last in (
        ("ko_from", "ko_to"),
        ("en_from", "en_to"),
        ("ko_start", "ko_end"),
        ("en_start", "en_end"),
    ):
        columns += _steps([getattr(r, first) for r in rows], [getattr(r, last) for r in rows])
    codes, confidences, tail = [], [], bytearray()
    for r in rows:
        code = _LOCKED if r.locked else 0
        below = _confidence(r.confidence)
        confidences.append(0 if below is None else below)
        if below is None:
            code |= _EXACT
        if r.issues:
            code |= _ISSUES
        if r.link != f"{r.ko_to - r.ko_from}-{r.en_to - r.en_from}":
            code |= _LINK
        codes.append(code)
        if code & _LINK:
            put_text(tail, r.link)
        if r.issues:
            put_text(tail, "\n".join(r.issues))
        if below is None:
            tail += struct.pack("<d", r.confidence)
    columns.append(confidences)
    signed = 0
    for k, column in enumerate(columns):
        if any(v < 0 for v in column):
            signed |= 1 << k
            columns[k] = [v << 1 if v >= 0 else (-v << 1) - 1 for v in column]
    out = bytearray()
    put_varint(out, len(rows))
    put_varint(out, signed)
    for column in columns:
        put_column(out, column)
    out += bytes(codes)
    return bytes(out + tail)


def row_count(blob: bytes | None) -> int:
    """How many rows a blob holds, without unpacking it."""
    return get_varint(bytes(blob), 0)[0] if blob else 0


@dataclass(frozen=True, slots=True)
class RowColumns:
    """An article's rows column by column (what a long article is read with, fast)."""

    paragraph: list[int]
    ko_from: list[int]
    ko_to: list[int]
    en_from: list[int]
    en_to: list[int]
    ko_start: list[int]
    ko_end: list[int]
    en_start: list[int]
    en_end: list[int]
    link: list[str]
    confidence: list[float]
    locked: list[bool]
    issues: list[tuple[str, ...]]

    def __len__(self) -> int:
        return len(self.paragraph)


_EMPTY = RowColumns([], [], [], [], [], [], [], [], [], [], [], [], [])


def _unzigzag(values: list[int]) -> list[int]:
    return list(map(xor, map(rshift, values, repeat(1)), map(neg, map(and_, values, repeat(1)))))


def _spans(steps: list[int], lengths: list[int]) -> tuple[list[int], list[int]]:
    lasts = list(accumulate(map(add, steps, lengths)))
    return list(map(sub, lasts, lengths)), lasts


def unpack_columns(blob: bytes | None) -> RowColumns:
    """The rows packed by `pack_rows` as columns; raises ValueError for bytes it cannot have written."""
    if not blob:
        return _EMPTY
    data = bytes(blob)
    try:
        count, at = get_varint(data, 0)
        signed, at = get_varint(data, at)
        if signed >> _COLUMNS:
            raise IndexError
        columns = []
        for k in range(_COLUMNS):
            column, at = get_column(data, at, count)
            columns.append(_unzigzag(column) if signed >> k & 1 else column)
        codes = list(data[at : at + count])
        if len(codes) != count or any(c > 15 for c in set(codes)):
            raise IndexError
        at += count
        paragraph = list(accumulate(columns[0]))
        ko_from, ko_to = _spans(columns[1], columns[2])
        en_from, en_to = _spans(columns[3], columns[4])
        ko_start, ko_end = _spans(columns[5], columns[6])
        en_start, en_end = _spans(columns[7], columns[8])
        links = list(map("{}-{}".format, columns[2], columns[4]))
        confidence = list(map(truediv, map(sub, repeat(_SCALE), columns[9]), repeat(_SCALE)))
        locked = [bool(c & _LOCKED) for c in codes]
        issues: list[tuple[str, ...]] = [()] * count
        if any(c & ~_LOCKED for c in set(codes)):
            for i in compress(range(count), [c & ~_LOCKED for c in codes]):
                code = codes[i]
                if code & _LINK:
                    links[i], at = get_text(data, at)
                if code & _ISSUES:
                    text, at = get_text(data, at)
                    issues[i] = tuple(t for t in text.split("\n") if t)
                if code & _EXACT:
                    if at + 8 > len(data):
                        raise IndexError
                    (confidence[i],) = struct.unpack_from("<d", data, at)
                    at += 8
        if at != len(data):
            raise IndexError
    except (IndexError, UnicodeDecodeError, struct.error):
        raise ValueError("damaged aligned rows") from None
    return RowColumns(paragraph, ko_from, ko_to, en_from, en_to, ko_start, ko_end, en_start, en_end, links,
                      confidence, locked, issues)  # fmt: skip


def unpack_rows(blob: bytes | None) -> list[SegmentRow]:
    """The rows packed by `pack_rows`, numbered from 0; raises ValueError for damaged bytes."""
    c = unpack_columns(blob)
    return list(
        map(SegmentRow, range(len(c)), c.paragraph, c.ko_from, c.ko_to, c.en_from, c.en_to, c.ko_start, c.ko_end,
            c.en_start, c.en_end, c.link, c.confidence, c.locked, c.issues)
    )  # fmt: skip
