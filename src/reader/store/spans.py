"""An article side's sentence spans packed into one small blob.

Sentences are only read whole, an article side at a time (to join or split aligned rows by hand), so a
row per sentence — about fifty per article, each with its own key in a b-tree — cost a 100,000-article
library 230 MB for what fits in a few bytes a sentence: each span is stored as three numbers (gap after
the previous sentence, length, paragraph step), each a zigzag varint, so small and even negative
steps all take one byte.
"""

from __future__ import annotations

from collections.abc import Iterable

Span = tuple[int, int, int]  # (start, end, paragraph)


def _put(out: bytearray, number: int) -> None:
    number = number << 1 if number >= 0 else (-number << 1) - 1  # zigzag: 0, -1, 1, -2 … → 0, 1, 2, 3 …
    while number >= 0x80:
        out.append(number & 0x7F | 0x80)
        number >>= 7
    out.append(number)


def pack(spans: Iterable[Span]) -> bytes:
    """The spans, in order, as bytes; `unpack` gives them back."""
    out = bytearray()
    previous_end = previous_paragraph = 0
    for start, end, paragraph in spans:
        _put(out, start - previous_end)
        _put(out, end - start)
        _put(out, paragraph - previous_paragraph)
        previous_end, previous_paragraph = end, paragraph
    return bytes(out)


def unpack(blob: bytes | None) -> list[Span]:
    """The spans packed by `pack`; raises ValueError for bytes that `pack` cannot have written."""
    numbers: list[int] = []
    number = shift = 0
    for byte in blob or b"":
        number |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
            continue
        numbers.append(number >> 1 if not number & 1 else -((number + 1) >> 1))
        number = shift = 0
    if shift or len(numbers) % 3:
        raise ValueError("damaged sentence spans")
    spans: list[Span] = []
    end = paragraph = 0
    for i in range(0, len(numbers), 3):
        start = end + numbers[i]
        end = start + numbers[i + 1]
        paragraph += numbers[i + 2]
        spans.append((start, end, paragraph))
    return spans
