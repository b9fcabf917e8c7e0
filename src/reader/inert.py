"""Making article text safe to show: control characters become visible symbols, never terminal commands.

Article text is data. An escape sequence (colours, cursor moves, OSC 52 clipboard writes) or a
bidirectional override inside an article must appear as something the reader can see, not act on the
terminal. Used for CLI output to a terminal and for every string the TUI draws.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
# Bidirectional embeddings, overrides and isolates reorder what follows them on screen.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␀ for NUL, …
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def inert(text: str) -> str:
    """`text` with every control and bidi-override character replaced by a visible stand-in."""
    text = _CONTROLS.sub(_picture, text)
    return _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
