"""The words a fact is described with: its kinds and qualifiers, shared by annotations and the number finder."""

from __future__ import annotations

# "duration range" is a range of time (3-7 days); "range" any other; "decline" a fall (down 5%) stated as
# the positive figure the report writes; "multiple" a factor (fivefold, 34 times).
KINDS = {"count", "share", "rank", "growth", "decline", "duration range", "range", "money", "multiple"}
QUALIFIERS = {
    "exact",
    "over",
    "more than",
    "at least",
    "approximately",
    "nearly",
    "+",
    "up to",
    "less than",
    "exceeded",
}
TIME_UNITS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "second", "minute", "hour",
              "day", "week", "month", "year"}  # fmt: skip
