"""Bookmarks and notes: a star, a Markdown note (stored verbatim) and tags on a fact, section or passage.

One annotation per anchor (report identity, kind, id). An annotation with no star, no note and no tag is
deleted rather than kept empty, so the bookmarks panel lists only what the user made.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.userdata.anchors import Anchor, AnchorKind
from desktop.userdata.database import UserDatabase, now

_SELECT = (
    "SELECT a.*, (SELECT json_group_array(tag) FROM (SELECT tag FROM annotation_tags t "
    "WHERE t.annotation_id = a.id ORDER BY tag COLLATE NOCASE)) AS tags_json FROM annotations a"
)


@dataclass(frozen=True)
class Annotation:
    id: int
    anchor: Anchor
    starred: bool
    note: str  # Markdown, verbatim
    tags: tuple[str, ...]
    created: str
    updated: str


def _annotation(r: sqlite3.Row) -> Annotation:
    anchor = Anchor(
        r["report_id"],
        r["report_title"],
        r["kind"],
        r["target_id"],
        r["quote"],
        r["label"],
        r["section_id"],
        r["section_title"],
        r["citation"],
    )
    tags = tuple(json.loads(r["tags_json"]))
    return Annotation(r["id"], anchor, bool(r["starred"]), r["note"], tags, r["created"], r["updated"])


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags trimmed, empty ones dropped, repeats (ignoring case) dropped; the first spelling kept."""
    seen: dict[str, str] = {}
    for tag in tags:
        tag = tag.strip()
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


def annotate(
    db: UserDatabase,
    anchor: Anchor,
    *,
    starred: bool | None = None,
    note: str | None = None,
    tags: Iterable[str] | None = None,
) -> Annotation | None:
    """Star, note or tag an anchor (None leaves that part as it is), in one transaction; None if now empty."""
    stamp = now()
    with db.write() as conn:
        row = conn.execute(
            "SELECT id, starred, note FROM annotations WHERE report_id = ? AND kind = ? AND target_id = ?",
            (anchor.report_id, anchor.kind, anchor.target_id),
        ).fetchone()
        old_starred, old_note = (bool(row["starred"]), row["note"]) if row else (False, "")
        new_starred = old_starred if starred is None else starred
        new_note = old_note if note is None else note
        if row is None:
            cursor = conn.execute(
                "INSERT INTO annotations (report_id, report_title, kind, target_id, quote, label, section_id, "
                "section_title, citation, starred, note, created, updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*_anchor_values(anchor), int(new_starred), new_note, stamp, stamp),
            )
            annotation_id = int(cursor.lastrowid or 0)
        else:
            annotation_id = int(row["id"])
            conn.execute(
                "UPDATE annotations SET report_title = ?, quote = ?, label = ?, section_id = ?, section_title = ?, "
                "citation = ?, starred = ?, note = ?, updated = ? WHERE id = ?",
                (
                    anchor.report_title,
                    anchor.quote,
                    anchor.label,
                    anchor.section_id,
                    anchor.section_title,
                    anchor.citation,
                    int(new_starred),
                    new_note,
                    stamp,
                    annotation_id,
                ),
            )
        if tags is not None:
            set_tags(conn, annotation_id, clean_tags(tags))
        has_tags = conn.execute("SELECT 1 FROM annotation_tags WHERE annotation_id = ?", (annotation_id,)).fetchone()
        if not new_starred and not new_note and not has_tags:
            conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
            return None
    return annotation(db, annotation_id)


def _anchor_values(anchor: Anchor) -> tuple[object, ...]:
    return (
        anchor.report_id,
        anchor.report_title,
        anchor.kind,
        anchor.target_id,
        anchor.quote,
        anchor.label,
        anchor.section_id,
        anchor.section_title,
        anchor.citation,
    )


def set_tags(conn: sqlite3.Connection, annotation_id: int, tags: tuple[str, ...]) -> None:
    conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (annotation_id,))
    conn.executemany(
        "INSERT INTO annotation_tags (annotation_id, tag) VALUES (?, ?)", [(annotation_id, t) for t in tags]
    )


def insert_whole(conn: sqlite3.Connection, item: Annotation) -> None:
    """An annotation as it is (an imported one): its own timestamps, replacing the one on the same anchor."""
    conn.execute(
        "DELETE FROM annotations WHERE report_id = ? AND kind = ? AND target_id = ?",
        (item.anchor.report_id, item.anchor.kind, item.anchor.target_id),
    )
    cursor = conn.execute(
        "INSERT INTO annotations (report_id, report_title, kind, target_id, quote, label, section_id, "
        "section_title, citation, starred, note, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*_anchor_values(item.anchor), int(item.starred), item.note, item.created, item.updated),
    )
    set_tags(conn, int(cursor.lastrowid or 0), clean_tags(item.tags))


def annotation(db: UserDatabase, annotation_id: int) -> Annotation:
    with db.read() as conn:
        row = conn.execute(f"{_SELECT} WHERE a.id = ?", (annotation_id,)).fetchone()
    if row is None:
        raise KeyError(f"no annotation {annotation_id}")
    return _annotation(row)


def annotation_for(db: UserDatabase, report_id: str, kind: AnchorKind, target_id: str) -> Annotation | None:
    """The annotation on one target, for the window's star and note; None when there is none."""
    with db.read() as conn:
        row = conn.execute(
            f"{_SELECT} WHERE a.report_id = ? AND a.kind = ? AND a.target_id = ?", (report_id, kind, target_id)
        ).fetchone()
    return _annotation(row) if row else None


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def find_annotations(
    db: UserDatabase,
    *,
    text: str | None = None,
    tag: str | None = None,
    report_id: str | None = None,
    kind: AnchorKind | None = None,
    starred: bool | None = None,
) -> list[Annotation]:
    """The annotations matching every filter given, newest change first. text looks in the note, the quote and
    the label (case-insensitive for ASCII letters, as SQLite's LIKE); tag is matched whole, ignoring case."""
    where: list[str] = []
    params: list[object] = []
    if text:
        where.append("(a.note LIKE ? ESCAPE '\\' OR a.quote LIKE ? ESCAPE '\\' OR a.label LIKE ? ESCAPE '\\')")
        params += [_like(text)] * 3
    if tag:
        where.append("EXISTS (SELECT 1 FROM annotation_tags t WHERE t.annotation_id = a.id AND t.tag = ?)")
        params.append(tag.strip())
    if report_id:
        where.append("a.report_id = ?")
        params.append(report_id)
    if kind:
        where.append("a.kind = ?")
        params.append(kind)
    if starred is not None:
        where.append("a.starred = ?")
        params.append(int(starred))
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.updated DESC, a.id DESC"
    with db.read() as conn:
        return [_annotation(r) for r in conn.execute(sql, params)]


def tag_counts(db: UserDatabase) -> list[tuple[str, int]]:
    """Every tag in use with how many annotations carry it, by name: the panel's tag filter."""
    with db.read() as conn:
        rows = conn.execute(
            "SELECT tag, count(*) FROM annotation_tags GROUP BY tag ORDER BY tag COLLATE NOCASE"
        ).fetchall()
    return [(r[0], r[1]) for r in rows]


def delete_annotation(db: UserDatabase, annotation_id: int) -> None:
    with db.write() as conn:
        conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))


def retarget(db: UserDatabase, annotation_id: int, target_id: str) -> Annotation:
    """Point an annotation at its target's new id, once the user has accepted what resolve() found."""
    with db.write() as conn:
        conn.execute(
            "UPDATE annotations SET target_id = ?, updated = ? WHERE id = ?", (target_id, now(), annotation_id)
        )
    return annotation(db, annotation_id)
