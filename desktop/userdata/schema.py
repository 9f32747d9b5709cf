"""The user database's schema, as migrations: MIGRATIONS[n] takes a database from version n to n + 1.

The version is SQLite's PRAGMA user_version; PRAGMA application_id marks the file as ours, so a SQLite file of
some other program is never mistaken for an empty user database. Reports are not foreign keys of annotations or
series links on purpose: removing a report from the library keeps the user's notes on it, and adding the report
again (same identity) brings them back.
"""

from __future__ import annotations

APPLICATION_ID = 0x46584E54  # "FXNT"
SCHEMA_VERSION = 1

_V1 = (
    """CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        title TEXT NOT NULL,
        publisher TEXT,
        date TEXT,
        identity_from TEXT NOT NULL CHECK (identity_from IN ('source', 'file')),
        bundled INTEGER NOT NULL DEFAULT 0 CHECK (bundled IN (0, 1)),
        added TEXT NOT NULL,
        last_opened TEXT
    )""",
    "CREATE INDEX reports_path ON reports (path)",
    """CREATE TABLE recent (
        path TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        opened TEXT NOT NULL
    )""",
    """CREATE TABLE annotations (
        id INTEGER PRIMARY KEY,
        report_id TEXT NOT NULL,
        report_title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('fact', 'section', 'passage')),
        target_id TEXT NOT NULL,
        quote TEXT NOT NULL,
        label TEXT NOT NULL,
        section_id TEXT,
        section_title TEXT NOT NULL,
        citation TEXT NOT NULL,
        starred INTEGER NOT NULL CHECK (starred IN (0, 1)),
        note TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        UNIQUE (report_id, kind, target_id)
    )""",
    "CREATE INDEX annotations_updated ON annotations (updated)",
    """CREATE TABLE annotation_tags (
        annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
        tag TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (annotation_id, tag)
    ) WITHOUT ROWID""",
    "CREATE INDEX annotation_tags_tag ON annotation_tags (tag)",
    """CREATE TABLE series_links (
        report_a TEXT NOT NULL,
        fact_a TEXT NOT NULL,
        report_b TEXT NOT NULL,
        fact_b TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
        decided TEXT NOT NULL,
        PRIMARY KEY (report_a, fact_a, report_b, fact_b),
        -- one row per pair: (A, B) and (B, A) are the same decision, stored in order
        CHECK (report_a < report_b OR (report_a = report_b AND fact_a < fact_b))
    )""",
    "CREATE INDEX series_links_b ON series_links (report_b, fact_b)",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1,)
assert len(MIGRATIONS) == SCHEMA_VERSION
