"""Keys as data: what the Korean 2-beolsik layout types on each Latin key, so bindings work in either layout.

A reader who has just typed Korean elsewhere often leaves the input method in Hangul mode; pressing `j`
then sends `ㅓ`. Rather than bind every key twice, the app translates such a jamo back to the Latin key it
sits on before bindings are checked (see `ReaderApp.on_event`). Text inputs are left alone, so typing
Korean into a field still works.

An input method may also commit several keystrokes as one composed character: `g` then `j` arrive as 허,
`h` then `k` as ㅘ. Those are taken apart (Unicode's Hangul syllable arithmetic) into the keys that typed
them.
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

#: Jamo the layout has no key for: the input method builds them from two keystrokes.
COMPOUND_JAMO: dict[str, str] = {
    "ㅘ": "ㅗㅏ", "ㅙ": "ㅗㅐ", "ㅚ": "ㅗㅣ", "ㅝ": "ㅜㅓ", "ㅞ": "ㅜㅔ", "ㅟ": "ㅜㅣ", "ㅢ": "ㅡㅣ",
    "ㄳ": "ㄱㅅ", "ㄵ": "ㄴㅈ", "ㄶ": "ㄴㅎ", "ㄺ": "ㄹㄱ", "ㄻ": "ㄹㅁ", "ㄼ": "ㄹㅂ", "ㄽ": "ㄹㅅ",
    "ㄾ": "ㄹㅌ", "ㄿ": "ㄹㅍ", "ㅀ": "ㄹㅎ", "ㅄ": "ㅂㅅ",
}  # fmt: skip

# The parts of a precomposed syllable, in Unicode's order (initial, medial, optional final).
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")
_SYLLABLE_BASE, _SYLLABLE_COUNT = 0xAC00, 11172


def _jamo(character: str) -> str:
    """The keyboard jamo that typed `character`, in order (empty when it is not Hangul)."""
    code = ord(character) - _SYLLABLE_BASE
    if 0 <= code < _SYLLABLE_COUNT:
        initial, rest = divmod(code, 21 * 28)
        medial, final = divmod(rest, 28)
        parts = _INITIALS[initial] + _MEDIALS[medial] + _FINALS[final]
    else:
        parts = character
    return "".join(COMPOUND_JAMO.get(part, part) for part in parts)


def latin_keys(character: str | None) -> tuple[str, ...] | None:
    """The Latin keys that typed `character` in the Korean layout, or None when it is not Hangul."""
    if not character or len(character) != 1:
        return None
    keys = tuple(LATIN_BY_JAMO.get(jamo, "") for jamo in _jamo(character))
    return keys if keys and all(keys) else None
