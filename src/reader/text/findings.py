"""What the translation check stores for a row: alarms (a figure, date or name that disagrees, a sentence
left out) and remarks (a figure found in the neighbouring row), told apart by a prefix.

Its own module, importing nothing, so the reading screen and the `reader check` command can tell the two
apart without loading the check's parsers.
"""

from __future__ import annotations

#: A finding that starts with this is a remark, not an alarm: shown, never counted as a problem.
REMARK = "note: "


def is_alarm(reason: str) -> bool:
    """Whether a finding is an alarm (a figure, date or name that disagrees) rather than a remark."""
    return not reason.startswith(REMARK)


def alarms(reasons: tuple[str, ...] | list[str]) -> list[str]:
    """The alarms among a row's findings."""
    return [r for r in reasons if is_alarm(r)]
