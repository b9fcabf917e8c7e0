"""Keys as data: what the Korean 2-beolsik layout types on each Latin key, so bindings work in either layout.

A reader who has just typed Korean elsewhere often leaves the input method in Hangul mode; pressing `j`
then sends `ㅓ`. Rather than bind every key twice, the app translates such a jamo back to the Latin key it
sits on before bindings are checked (see `ReaderApp.on_event`). Text inputs are left alone, so typing
Korean into a field still works.
"""

from __future__ import annotations

#: The standard 2-beolsik (두벌식) layout: the compatibility jamo each Latin key types, unshifted and shifted.
#: Shifted keys that type the same jamo as unshifted ones (e.g. Shift+A → ㅁ) are left out: the Latin
#: capital would be a guess.
LATIN_BY_JAMO: dict[str, str] = {
    "ㅂ": "q", "ㅈ": "w", "ㄷ": "e", "ㄱ": "r", "ㅅ": "t", "ㅛ": "y", "ㅕ": "u", "ㅑ": "i", "ㅐ": "o", "ㅔ": "p",
    "ㅁ": "a", "ㄴ": "s", "ㅇ": "d", "ㄹ": "f", "ㅎ": "g", "ㅗ": "h", "ㅓ": "j", "ㅏ": "k", "ㅣ": "l",
    "ㅋ": "z", "ㅌ": "x", "ㅊ": "c", "ㅍ": "v", "ㅠ": "b", "ㅜ": "n", "ㅡ": "m",
    "ㅃ": "Q", "ㅉ": "W", "ㄸ": "E", "ㄲ": "R", "ㅆ": "T", "ㅒ": "O", "ㅖ": "P",
}  # fmt: skip


def latin_key(character: str | None) -> str | None:
    """The Latin key a Korean-layout keystroke sits on, or None when `character` is not such a jamo."""
    if character is None:
        return None
    return LATIN_BY_JAMO.get(character)
