"""What the user database needs to know of a fact base file, read-only: its meta, its identity, and lookups
by quote for re-finding a note's target.

The store's FactBase validates a file; these are the reads it has no public query for (the meta's source hash
and publisher, a quote looked up through the full-text index), on a connection of their own opened by the store's
open_read_only, so the file is never created or changed. They run only on files FactBase.open has accepted.

The report identity: the hash of the meta's `source_sha256` and `title`, so a fact base rebuilt or re-imported
from the same source keeps its identity (and the user's notes on it); a file without them is known by the
hash of its bytes.
"""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from desktop.store import FactBase
from desktop.store.opening import open_read_only

IDENTITY_LENGTH = 12  # hex digits: short enough to type in `library remove ID`, plenty for a personal library


@dataclass(frozen=True)
class ReportFacts:
    """A fact base as the library records it."""

    id: str
    identity_from: str  # "source" (source_sha256 + title) or "file" (the file's bytes)
    title: str
    publisher: str | None
    date: str | None


def connect_read_only(path: Path) -> sqlite3.Connection:
    """The store's connection for untrusted files: read-only, nothing created beside it, queries time-limited.
    FactBaseError (one line) when the file cannot be opened."""
    conn = open_read_only(Path(path))
    conn.row_factory = sqlite3.Row
    return conn


META_WANTED = ("title", "source_sha256", "source_date", "date", "publisher")
META_MAX_CHARS = 1000  # an untrusted file's meta value is cut to a length a library row can show


def read_meta(path: Path) -> dict[str, str]:
    """The meta values the library keeps, as text, each at most META_MAX_CHARS long."""
    marks = ", ".join("?" * len(META_WANTED))
    sql = f"SELECT key, substr(CAST(value AS TEXT), 1, {META_MAX_CHARS}) FROM meta WHERE key IN ({marks})"
    with closing(connect_read_only(path)) as conn:
        return {r[0]: r[1] for r in conn.execute(sql, META_WANTED) if r[1] is not None}


def report_facts(factbase: FactBase) -> ReportFacts:
    """The identity, title, publisher and date of an open fact base."""
    meta = read_meta(factbase.path)
    title = meta.get("title") or factbase.document.title
    if meta.get("source_sha256"):
        key = f"{meta['source_sha256']}\n{title}".encode()
        identity, identity_from = hashlib.sha256(key).hexdigest(), "source"
    else:
        identity, identity_from = file_sha256(factbase.path), "file"
    return ReportFacts(
        id=identity[:IDENTITY_LENGTH],
        identity_from=identity_from,
        title=title,
        publisher=meta.get("publisher") or None,
        date=meta.get("source_date") or meta.get("date") or None,
    )


_SAMPLE = 1 << 20  # bytes read from each end of a large file


def file_sha256(path: Path) -> str:
    """The identity of a file without a source hash: the sha256 of its size, its first and its last MiB.

    Hashing every byte of a 1 GB fact base took 2 s on each start of the window; a SQLite file's header, schema
    and first pages sit in the head, and any rewrite changes its size or its last pages, so the sample tells
    files apart as well in practice, in a few milliseconds at any size.
    """
    path = Path(path)
    size = path.stat().st_size
    digest = hashlib.sha256(str(size).encode())
    with path.open("rb") as fh:
        digest.update(fh.read(_SAMPLE))
        if size > 2 * _SAMPLE:
            fh.seek(size - _SAMPLE)
        digest.update(fh.read(_SAMPLE))
    return digest.hexdigest()


def _phrase(text: str) -> str:
    """text as one FTS5 phrase: the tokenizer splits it, so only its double quotes need escaping."""
    return '"' + text.replace('"', '""') + '"'


def facts_quoting(path: Path, quote_text: str) -> list[tuple[str, str]]:
    """(id, label) of every fact whose quote is exactly quote_text: through the full-text index, then compared."""
    with closing(connect_read_only(path)) as conn:
        try:
            rows = conn.execute(
                "SELECT f.id, f.label FROM facts_fts JOIN facts f ON f.rowid = facts_fts.rowid "
                "WHERE facts_fts MATCH ? AND f.quote = ? ORDER BY f.id",
                (f"quote : {_phrase(quote_text)}", quote_text),
            ).fetchall()
        except sqlite3.OperationalError:  # no full-text index, or a quote FTS5 cannot read as a phrase
            rows = conn.execute("SELECT id, label FROM facts WHERE quote = ? ORDER BY id", (quote_text,)).fetchall()
    return [(r[0], r[1]) for r in rows]


def paragraphs_containing(path: Path, excerpt: str) -> list[int]:
    """Ids of the paragraphs whose text holds excerpt verbatim."""
    with closing(connect_read_only(path)) as conn:
        try:
            rows = conn.execute(
                "SELECT p.id FROM paragraphs_fts JOIN paragraphs p ON p.rowid = paragraphs_fts.rowid "
                "WHERE paragraphs_fts MATCH ? AND instr(p.text, ?) > 0 ORDER BY p.id",
                (_phrase(excerpt), excerpt),
            ).fetchall()
        except sqlite3.OperationalError:
            rows = conn.execute("SELECT id FROM paragraphs WHERE instr(text, ?) > 0 ORDER BY id", (excerpt,)).fetchall()
    return [r[0] for r in rows]
