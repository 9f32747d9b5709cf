"""Find an annotation's target in a fact base: by id, else by the text stored with it, else say it is missing.

Never a silent guess: a target found by its text under another id comes back as "moved" (the caller shows it
and may retarget the annotation), several candidates as "ambiguous" with all of them, none as "missing".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from desktop.store import FactBase, UnknownIdError
from desktop.userdata.anchors import Anchor
from desktop.userdata.report_files import facts_quoting, paragraphs_containing

Status = Literal["found", "moved", "ambiguous", "missing"]


@dataclass(frozen=True)
class Resolution:
    status: Status
    target_id: str | None  # where the target is now: its id when found or moved, else None
    candidates: tuple[str, ...]  # the ids that fit, when ambiguous
    message: str  # one line for the user


def resolve(factbase: FactBase, anchor: Anchor) -> Resolution:
    if anchor.kind == "fact":
        return _resolve_fact(factbase, anchor)
    if anchor.kind == "section":
        return _resolve_section(factbase, anchor)
    return _resolve_passage(factbase, anchor)


def _by_text(what: str, anchor: Anchor, ids: list[str]) -> Resolution:
    if len(ids) == 1:
        return Resolution("moved", ids[0], (), f"{what} {anchor.target_id!r} is now {ids[0]!r} (found by its text)")
    if ids:
        listed = ", ".join(ids)
        return Resolution("ambiguous", None, tuple(ids), f"{what} {anchor.target_id!r} may be any of {listed}")
    return Resolution("missing", None, (), f"{what} {anchor.target_id!r} is not in this report: {anchor.label}")


def _resolve_fact(factbase: FactBase, anchor: Anchor) -> Resolution:
    if factbase.has_fact(anchor.target_id):
        return Resolution("found", anchor.target_id, (), f"fact {anchor.target_id!r}")
    matches = facts_quoting(factbase.path, anchor.quote)
    if len(matches) > 1:  # one sentence often states several figures: the label tells them apart
        labelled = [fid for fid, label in matches if label == anchor.label]
        matches = [(fid, "") for fid in labelled] or matches
    return _by_text("fact", anchor, [fid for fid, _ in matches])


def _resolve_section(factbase: FactBase, anchor: Anchor) -> Resolution:
    try:
        factbase.section(anchor.target_id)
        return Resolution("found", anchor.target_id, (), f"section {anchor.target_id!r}")
    except UnknownIdError:
        pass
    return _by_text("section", anchor, [s.id for s in factbase.sections() if s.title == anchor.quote])


def _resolve_passage(factbase: FactBase, anchor: Anchor) -> Resolution:
    # A paragraph's id is its line in the source: an edited source shifts it, so the text must agree too.
    try:
        same = factbase.paragraph(int(anchor.target_id)).text
    except (ValueError, UnknownIdError):
        same = None
    if same is not None and anchor.quote in same:
        return Resolution("found", anchor.target_id, (), f"passage {anchor.target_id}")
    return _by_text("passage", anchor, [str(pid) for pid in paragraphs_containing(factbase.path, anchor.quote)])
