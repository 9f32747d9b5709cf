"""The all-facts table's questions of a fact base: pages in any order, under any filter, their counts and facets.

FactBase inherits these; they keep what they count for as long as the base is open, since the file never changes.
"""

from __future__ import annotations

import bisect
import functools
import sqlite3
from typing import TYPE_CHECKING

from desktop.store.models import Fact, Section
from desktop.store.queries import (
    ORDERS,
    FactFilter,
    fact_where,
    few_by_value,
    fts_match,
    is_no_filter,
    min_prefix_length,
    value_driven_rowids,
)
from desktop.store.rows import fact_row


class TablePages:
    if TYPE_CHECKING:
        _conn: sqlite3.Connection

        def _rows(self, sql: str, *params: object) -> list[sqlite3.Row]: ...

        def sections(self) -> list[Section]: ...

    @functools.cached_property
    def _fact_total(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM facts").fetchone()[0])

    @functools.cached_property
    def _section_counts(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self._rows("SELECT section_id, count(*) FROM facts GROUP BY section_id")}

    @functools.cached_property
    def _report_order_starts(self) -> tuple[list[int], list[str]]:
        """For each section with facts, in report order: the index of its first fact among all facts, and its id."""
        counts = self._section_counts
        firsts: list[int] = []
        ids: list[str] = []
        total = 0
        for section in self.sections():
            if counts.get(section.id):
                firsts.append(total)
                ids.append(section.id)
                total += counts[section.id]
        return firsts, ids

    def _report_order_page(self, columns: str, offset: int, limit: int, backwards: bool = False) -> list[sqlite3.Row]:
        """A page in report order that does not walk the facts before it: the sections' cumulative counts say
        which section the offset falls in; the page then reads that section's (and the next ones') facts.
        Backwards (the last fact first) is the mirrored page of the forward order, reversed."""
        if backwards:
            end = max(0, self._fact_total - offset)
            start = max(0, end - limit)
            return self._report_order_page(columns, start, end - start)[::-1] if end > start else []
        firsts, ids = self._report_order_starts
        index = max(0, bisect.bisect_right(firsts, offset) - 1)
        rows: list[sqlite3.Row] = []
        sql = f"SELECT {columns} FROM facts f WHERE f.section_id = ? ORDER BY f.position LIMIT ? OFFSET ?"
        while len(rows) < limit and index < len(ids):
            skip = max(0, offset - firsts[index])
            rows += self._rows(sql, ids[index], limit - len(rows), skip)
            index += 1
        return rows

    def facts_page(
        self, offset: int = 0, limit: int = 100, order: str = "position", filters: FactFilter | None = None
    ) -> list[Fact]:
        """One page of the all-facts table: `order` is a key of desktop.store.queries.ORDERS.

        Unfiltered report order costs the same at any offset; other orders and filters walk an index to the
        offset (about 2 ms per 1,000 rows skipped): a table deep in a filtered million keeps its last key instead.
        """
        if order in ("position", "-position") and is_no_filter(filters):
            return [fact_row(r) for r in self._report_order_page("f.*", offset, limit, order == "-position")]
        few = self._few_by_value("f.*", offset, limit, order, filters)
        if few is not None:
            return [fact_row(r) for r in few]
        sql, params = self._page_sql("f.*", offset, limit, order, filters)
        return [fact_row(r) for r in self._rows(sql, *params)]

    def fact_ids_page(
        self, offset: int = 0, limit: int = 100, order: str = "position", filters: FactFilter | None = None
    ) -> list[str]:
        """The ids of one page of the all-facts table, for a model that fetches rows on demand."""
        if order in ("position", "-position") and is_no_filter(filters):
            return [r[0] for r in self._report_order_page("f.id", offset, limit, order == "-position")]
        few = self._few_by_value("f.id", offset, limit, order, filters)
        if few is not None:
            return [r[0] for r in few]
        sql, params = self._page_sql("f.id", offset, limit, order, filters)
        return [r[0] for r in self._rows(sql, *params)]

    def fact_count_matching(self, filters: FactFilter | None = None) -> int:
        """How many facts a filter keeps (count(*) over the same joins as facts_page)."""
        if is_no_filter(filters):
            return self._fact_total
        if filters is not None and filters == FactFilter(filters.words, filters.prefix_last):
            # Words alone: count the full-text matches without reading a fact (35 ms for a fifth of 1M, not 120)
            sql, params = self._page_sql("count(*)", 0, -1, None, filters)
            sql = sql.replace(" CROSS JOIN facts f ON f.rowid = facts_fts.rowid", "")
            return int(self._conn.execute(sql, params).fetchone()[0])
        driven = value_driven_rowids(filters) if filters is not None else None
        if driven is not None:
            return int(self._conn.execute(f"SELECT count(*) FROM ({driven[0]})", driven[1]).fetchone()[0])
        sql, params = self._page_sql("count(*)", 0, -1, None, filters)
        return int(self._conn.execute(sql, params).fetchone()[0])

    def _few_by_value(
        self, columns: str, offset: int, limit: int, order: str, filters: FactFilter | None
    ) -> list[sqlite3.Row] | None:
        """A report-order page of a numeric filter that keeps few facts (at most FEW_BY_VALUE), found through
        the value index and sorted; None when the filter keeps many (then walking in report order finds a page
        at once) or is not a single numeric range. "> 5 trillion" at 1M: 200 ms walking every fact, 10 ms here."""
        driven = few_by_value(self._conn, filters) if order == "position" else None
        if driven is None:
            return None
        sql, params = driven
        return self._rows(
            f"SELECT {columns} FROM ({sql}) d CROSS JOIN facts f ON f.rowid = d.rowid"
            " CROSS JOIN sections s ON s.id = f.section_id ORDER BY s.position, f.position LIMIT ? OFFSET ?",
            *params,
            limit,
            offset,
        )

    def fact_facets(self, column: str, filters: FactFilter | None = None, limit: int = 50) -> list[tuple[str, int]]:
        """The commonest values of kind, unit or section_id among the facts a filter keeps, with their counts."""
        if column not in ("kind", "unit", "section_id"):
            raise ValueError(f"no facet {column!r}; use kind, unit or section_id")
        sql, params = self._page_sql(f"f.{column}, count(*) AS n", 0, -1, None, filters)
        sql = sql.replace(" LIMIT ? OFFSET ?", f" GROUP BY f.{column} ORDER BY n DESC, f.{column} LIMIT ? OFFSET ?")
        params[-2] = limit
        return [(r[0], r[1]) for r in self._rows(sql, *params)]

    def _page_sql(
        self, columns: str, offset: int, limit: int, order: str | None, filters: FactFilter | None
    ) -> tuple[str, list[object]]:
        if order is not None and order not in ORDERS:
            raise ValueError(f"unknown order {order!r}; use one of {', '.join(ORDERS)}")
        where, params = fact_where(filters)
        order_sql = f" ORDER BY {ORDERS[order]}" if order is not None else ""
        if filters is not None and filters.words:
            # Words drive the query from the full-text index: walking facts in some order and asking FTS5 about
            # each one takes seconds when the words are rare. The matches come in rowid order, which is the
            # order the builder wrote the facts: the report's (tests/store/test_store_sets.py checks it), so
            # report order needs no sort; other orders sort the matches. Words that leave nothing to search
            # for match nothing, as search does.
            shortest = min_prefix_length(self._conn) if filters.prefix_last else 1
            match = fts_match(filters.words, filters.prefix_last, shortest)
            joins = "FROM facts_fts CROSS JOIN facts f ON f.rowid = facts_fts.rowid"
            where = f"facts_fts MATCH ? AND {where}"
            params = [match or '""', *params]
            if order == "position":
                order_sql = " ORDER BY facts_fts.rowid"
        elif order == "position":
            # Report order walks sections, then each one's facts (see iter_facts); the unary + keeps SQLite from
            # answering the filter through another index per section (seen: a multi-index OR, 250 ms at 1M).
            joins = "FROM sections s CROSS JOIN facts f ON f.section_id = s.id"
            where = f"+({where})"
        elif order is not None and "s." in ORDERS[order]:
            joins = "FROM facts f CROSS JOIN sections s ON s.id = f.section_id"
        else:
            joins = "FROM facts f"  # the other orders walk a facts index; counts and facets need no sections
        return f"SELECT {columns} {joins} WHERE {where}{order_sql} LIMIT ? OFFSET ?", [*params, limit, offset]
