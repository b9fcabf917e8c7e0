"""Small numbers and texts written into a blob, for the store's packed forms (`mention_pack`,
`segment_pack`).

A column is one byte a value; a value of `BIG` or more is written as 255 in the column and in full,
as a varint, after it. Columns are read back by C code (bytes → list), so a blob of tens of thousands of
values unpacks in milliseconds, and only the rare large value costs a Python step.
"""

from __future__ import annotations

from collections.abc import Sequence

BIG = 255  # a column value this large or larger: the real one follows the column as a varint


def put_varint(out: bytearray, number: int) -> None:
    while number >= 0x80:
        out.append(number & 0x7F | 0x80)
        number >>= 7
    out.append(number)


def get_varint(data: bytes, at: int) -> tuple[int, int]:
    """The number at `at`, and where the next thing starts."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, at
        shift += 7


def put_column(out: bytearray, values: Sequence[int]) -> None:
    out += bytes(min(v, BIG) for v in values)
    for v in values:
        if v >= BIG:
            put_varint(out, v)


def get_column(data: bytes, at: int, count: int) -> tuple[list[int], int]:
    """`count` values from `at`, and where the next thing starts; IndexError when the blob is short."""
    values = list(data[at : at + count])
    if len(values) != count:
        raise IndexError
    at += count
    i = -1
    while True:
        try:
            i = values.index(BIG, i + 1)
        except ValueError:
            return values, at
        values[i], at = get_varint(data, at)


def put_text(out: bytearray, text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    put_varint(out, len(data))
    out += data


def get_text(data: bytes, at: int) -> tuple[str, int]:
    size, at = get_varint(data, at)
    if at + size > len(data):
        raise IndexError
    return data[at : at + size].decode("utf-8", "surrogatepass"), at + size
