"""The HTML of what changed from one version of a fact base to another (desktop.domain.diff), for the window.

Each list shows its first LIMIT entries and says how many more there are: two versions of a million facts can
differ in a million places, and a page of them all would be unreadable and slow. Every stored string is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from desktop.domain.diff import FactBaseDiff, FactChange, FactEntry
from desktop.domain.formatting import format_number
from desktop.domain.i18n import translate
from desktop.text.markup import escape
from desktop.text.pages import PageColours, page_style

LIMIT = 200


def _value(value: object) -> str:
    return format_number(value) if isinstance(value, int | float) else escape(str(value)) if value is not None else "—"


def _list(title: str, count: int, items: Iterable[str]) -> str:
    if not count:
        return ""
    shown = list(islice(items, LIMIT))
    more_text = translate("DiffPage", "…and {n} more")
    more = f'<li class="muted">{escape(more_text.format(n=f"{count - len(shown):,}"))}</li>'
    return f"<h3>{escape(title)} ({count:,})</h3><ul>{''.join(shown)}{more if count > len(shown) else ''}</ul>"


def _fact(fact: FactEntry) -> str:
    value = _value(fact.value) if fact.value is not None else f"{_value(fact.value_min)}–{_value(fact.value_max)}"
    return f"<li><b>{escape(fact.label)}</b>: {value} {escape(fact.unit)} ({escape(fact.period)})</li>"


def _change(change: FactChange) -> str:
    fields = "; ".join(f"{escape(c.field)}: {_value(c.old)} → {_value(c.new)}" for c in change.changes)
    return f"<li><b>{escape(change.label)}</b>: {fields}</li>"


def diff_page(diff: FactBaseDiff, colours: PageColours) -> str:
    counts = diff.counts()
    old, new = diff.old, diff.new
    heading, from_, to = (
        translate("DiffPage", "What changed"),
        translate("DiffPage", "From"),
        translate("DiffPage", "to"),
    )
    same = translate("DiffPage", "The two fact bases hold the same facts, sections and glossary.")
    parts = [page_style(colours), f"<h1>{escape(heading)}</h1>"]
    parts.append(
        f'<p class="muted">{escape(from_)} <b>{escape(old.title)}</b> (v{escape(old.factbase_version)}, '
        f"{escape(old.source_as_of)}) {escape(to)} <b>{escape(new.title)}</b> "
        f"(v{escape(new.factbase_version)}, {escape(new.source_as_of)})</p>"
    )
    if not counts.any:
        parts.append(f"<p>{escape(same)}</p>")
        return "".join(parts)
    parts += [
        _list(translate("DiffPage", "Facts added"), counts.facts_added, (_fact(f) for f in diff.added_facts())),
        _list(translate("DiffPage", "Facts removed"), counts.facts_removed, (_fact(f) for f in diff.removed_facts())),
        _list(translate("DiffPage", "Facts changed"), counts.facts_changed, (_change(c) for c in diff.changed_facts())),
        _list(
            translate("DiffPage", "Sections added"),
            counts.sections_added,
            (f"<li>{escape(s.title)}</li>" for s in diff.added_sections()),
        ),
        _list(
            translate("DiffPage", "Sections removed"),
            counts.sections_removed,
            (f"<li>{escape(s.title)}</li>" for s in diff.removed_sections()),
        ),
    ]
    return "".join(parts)
