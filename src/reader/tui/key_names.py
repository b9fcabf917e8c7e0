"""Keys as a person writes them (Esc, Ctrl+z, Shift+Tab), one spelling for the help screen and the README.

Textual's own display (`esc`, `^z`) is terse for a footer; in a list that teaches the keys, and in the
README beside it, the same key should read the same way.
"""

from __future__ import annotations

KEY_NAMES: dict[str, str] = {
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "enter": "Enter",
    "escape": "Esc",
    "space": "Space",
    "tab": "Tab",
    "delete": "Delete",
    "backspace": "Backspace",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "slash": "/",
    "plus": "+",
    "minus": "-",
    "full_stop": ".",
    "comma": ",",
}


def key_name(key: str) -> str:
    """`ctrl+z` → `Ctrl+z`, `shift+tab` → `Shift+Tab`, `question_mark` → `?`; other keys as they are."""
    key = key.strip()
    if key in KEY_NAMES:
        return KEY_NAMES[key]
    for prefix, shown in (("ctrl+", "Ctrl+"), ("shift+", "Shift+"), ("alt+", "Alt+")):
        if key.startswith(prefix):
            return shown + key_name(key[len(prefix) :])
    if key.startswith("f") and key[1:].isdigit():
        return key.upper()
    return key
