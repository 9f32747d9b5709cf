"""Write a synthetic fact base of any size in the current schema, for benchmarks.

    python bench/generate_factbase.py --facts 1000000 -o /tmp/fb-1m.sqlite [--sections 1000] [--seed 7]

Text is drawn from a Zipf-distributed vocabulary, so search meets common terms (in a fifth of all facts), middling
ones (0.05-1%) and rare ones (five facts at any size); query_set() names words of each band. Every
kind of fact appears (count, share, rank, growth, duration range), with a figure that occurs in its quote, grouped
four to a paragraph; a glossary of 200 terms is mentioned in about one fact in twenty. Tables, indexes and FTS5
indexes come from db/schema.py exactly as the builder makes them. The file is written to a temporary name and
renamed into place.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.schema import FOREIGN_KEYS, FTS, INDEXES, PRIMARY_KEYS, SCHEMA_VERSION, TABLES  # noqa: E402

# The commonest words first: real words a report uses, then made-up ones for the long tail.
HEAD_WORDS = [
    "data",
    "digital",
    "services",
    "market",
    "growth",
    "users",
    "public",
    "network",
    "computing",
    "platform",
    "national",
    "power",
    "industry",
    "cloud",
    "economy",
    "online",
    "health",
    "rural",
    "smart",
    "city",
    "energy",
    "trade",
    "people",
    "province",
    "county",
    "enterprise",
    "research",
    "security",
    "education",
    "transport",
    "finance",
    "culture",
    "science",
    "talent",
    "innovation",
    "quality",
    "standards",
    "governance",
    "open",
    "exchange",
    "mobile",
    "broadband",
    "satellite",
    "storage",
    "model",
    "software",
    "hardware",
    "chip",
    "robot",
    "factory",
    "logistics",
    "retail",
    "tourism",
    "agriculture",
    "water",
    "carbon",
    "solar",
    "battery",
    "vehicle",
    "railway",
    "airport",
    "harbour",
    "hospital",
    "school",
    "library",
    "museum",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ru",
    "te",
    "va",
    "zo",
    "ne",
    "pi",
    "du",
    "sha",
    "ki",
    "bo",
    "re",
    "ta",
    "lu",
    "fe",
    "no",
    "xi",
    "ga",
    "mo",
    "ri",
    "ve",
    "da",
]
VOCABULARY_SIZE = 20_000
ZIPF_EXPONENT = 1.05
ZIPF_OFFSET = 15  # Zipf-Mandelbrot: the commonest word is in about a fifth of the facts, not in nearly all
RARE_WORDS = ("quillwort", "zephyrine", "marrowfen")  # each put in exactly RARE_COUNT facts
RARE_COUNT = 5
KINDS = ("count", "share", "rank", "growth", "duration range")
QUALIFIERS = ("exact", "over", "more than", "+", "approximately", "at least", "up to")
PERIODS = ("end of June 2025", "H1 2025", "2024", "annually", "Q2 2025", "14th Five-Year Plan period")
COUNT_UNITS = ("people", "entities", "base stations", "datasets", "consultations", "users", "products")
SCALES = (("thousand", 1e3), ("million", 1e6), ("billion", 1e9))
ORDINALS = ("first", "second", "third", "fourth", "fifth")
VERBS = ("reached", "rose to", "stood at", "exceeded", "totalled", "came to")
GLOSSARY_SIZE = 200
FACTS_PER_PARAGRAPH = 4


def vocabulary() -> list[str]:
    rng = random.Random(1)
    words = list(HEAD_WORDS)
    seen = set(words)
    while len(words) < VOCABULARY_SIZE:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def query_set() -> dict[str, list[str]]:
    """The fixed benchmark queries: common, middling and rare words of the vocabulary, and multi-word ones.

    Shares of facts are for the default generator; words are chosen so the porter stemmer leaves them whole.
    "prefix" queries are typed-so-far words (the last word a prefix): measured apart, see docs/performance.md.
    """
    words = vocabulary()
    return {
        "common": ["data", "market", "network"],  # in about 22%, 14% and 11% of the facts
        "middling": [words[300], words[1500], words[5000]],  # about 1%, 0.2% and 0.05%
        "rare": list(RARE_WORDS),  # RARE_COUNT facts each, at any size
        "multi-word": ["data market", "cloud platform", f"{words[300]} data", f"network {words[5000]}"],
        "prefix": ["netw", words[300][:3], "marrowf"],
    }


def _word_picks(rng: np.random.Generator, count: int) -> np.ndarray:
    ranks = np.arange(1, VOCABULARY_SIZE + 1, dtype=np.float64)
    weights = 1.0 / (ranks + ZIPF_OFFSET) ** ZIPF_EXPONENT
    return rng.choice(VOCABULARY_SIZE, size=count, p=weights / weights.sum())


def _figure(kind: str, rng: random.Random) -> tuple[str, float | None, float | None, float | None, str]:
    """(figure as written, value, value_min, value_max, unit)."""
    if kind == "count":
        name, scale = rng.choice(SCALES)
        number = round(rng.uniform(1, 999), rng.choice((0, 1, 2)))
        text = f"{number:g}"
        return f"{text} {name}", round(float(text) * scale, 2), None, None, rng.choice(COUNT_UNITS)
    if kind in ("share", "growth"):
        number = round(rng.uniform(0.5, 99.5), 1)
        return f"{number:g}%", number, None, None, "%"
    if kind == "rank":
        place = rng.randrange(len(ORDINALS))
        return ORDINALS[place], float(place + 1), None, None, "rank"
    low = rng.randint(1, 20)
    high = low + rng.randint(1, 30)
    return f"{low}-{high} days", None, float(low), float(high), "days"


class Generator:
    def __init__(self, facts: int, sections: int, seed: int) -> None:
        self.facts = facts
        self.sections = max(1, min(sections, facts))
        self.rng = random.Random(seed)
        self.words = vocabulary()
        self.picks = iter(_word_picks(np.random.default_rng(seed), facts * 24 + 100_000).tolist())
        self.glossary = [f"{self.words[500 + i].title()} {self.words[2000 + i].title()}" for i in range(GLOSSARY_SIZE)]
        self.rows: dict[str, list[tuple]] = {}

    def text(self, count: int) -> str:
        return " ".join(self.words[next(self.picks)] for _ in range(count))

    def section_rows(self) -> Iterator[tuple[str, list[tuple], list[tuple], list[tuple], list[tuple], tuple]]:
        """Per section: its id, facts, paragraphs, headings, mentions and its own row, in report order."""
        paragraph_id = 1
        fact_number = 0
        for position in range(self.sections):
            count = self.facts * (position + 1) // self.sections - self.facts * position // self.sections
            section_id = f"section-{position:04d}-{self.words[position % 200]}"
            facts: list[tuple] = []
            paragraphs: list[tuple] = []
            headings: list[tuple] = []
            mentions: list[tuple] = []
            subheading_id = paragraph_id
            paragraph_id += 1
            quotes: list[str] = []
            for index in range(count):
                fact_number += 1
                kind = KINDS[fact_number % len(KINDS)]
                figure, value, vmin, vmax, unit = _figure(kind, self.rng)
                label_words = self.text(self.rng.randint(3, 6))
                label = label_words[:1].upper() + label_words[1:]
                fact_id = f"{'-'.join(label_words.split()[:2])}-{fact_number:x}"
                term = self.glossary[self.rng.randrange(GLOSSARY_SIZE)] if self.rng.random() < 0.05 else None
                lead = f"The {label_words} {self.rng.choice(VERBS)} "
                tail = f" {unit if kind == 'count' else ''} in {self.text(self.rng.randint(6, 14))}"
                if term:
                    tail += f" across the {term}"
                step = max(1, self.facts // RARE_COUNT)
                rare = (fact_number - 1) % step
                if rare < len(RARE_WORDS) and (fact_number - 1) // step < RARE_COUNT:
                    tail += f" near {RARE_WORDS[rare]}"
                quote = f"{lead}{figure}{tail.replace('  ', ' ')}."
                quote_start = sum(len(q) + 1 for q in quotes)
                quotes.append(quote)
                facts.append(
                    (fact_id, section_id, index, label, value, vmin, vmax, unit, self.rng.choice(QUALIFIERS),
                     self.rng.choice(PERIODS), kind, quote, figure, paragraph_id, quote_start, len(lead), 0, None,
                     None)
                )  # fmt: skip
                if term:
                    start = quote_start + quote.index(term, len(lead) + len(figure))
                    mentions.append((term, section_id, paragraph_id, start, len(term), fact_id))
                if len(quotes) == FACTS_PER_PARAGRAPH or index == count - 1:
                    paragraphs.append((paragraph_id, section_id, len(paragraphs) + 1, "body", " ".join(quotes), 0))
                    paragraph_id += 1
                    quotes = []
            head = facts[0] if facts else None
            title = self.text(3).title()
            subheading = f"{head[12]} {head[3]}" if head else title
            paragraphs.insert(0, (subheading_id, section_id, 0, "subheading", subheading, 0))
            if head:
                headings.append((head[0], "subheading", subheading, head[12], 0))
            section = (section_id, position, "section", title, subheading, head[0] if head else None, subheading_id)
            yield section_id, facts, paragraphs, headings, mentions, section


def _create(db: sqlite_utils.Database) -> None:
    for name, columns in TABLES.items():
        db.table(name).create(columns, pk=PRIMARY_KEYS.get(name), foreign_keys=FOREIGN_KEYS.get(name, []))


def _insert(conn: sqlite3.Connection, table: str, rows: list[tuple]) -> None:
    if rows:
        marks = ", ".join("?" * len(TABLES[table]))
        conn.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)


def generate(out: Path, facts: int, sections: int = 1000, seed: int = 7, fts_prefix: str | None = None) -> Path:
    """Write the fact base; fts_prefix (e.g. "2 3 4") adds FTS5 prefix indexes, which the builder does not make."""
    gen = Generator(facts, sections, seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".factbase-", suffix=".sqlite", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()
        conn = sqlite3.connect(tmp, isolation_level=None)
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")  # 256 MB: FTS merges stay in memory
        db = sqlite_utils.Database(conn)
        _create(db)
        conn.execute("BEGIN")
        title = f"Synthetic report of {facts:,} facts"
        meta = {
            "schema_version": str(SCHEMA_VERSION),
            "builder_version": "bench",
            "factbase_version": "1",
            "title": title,
            "source_file": "synthetic.txt",
            "source_sha256": "",
            "source_date": "2025-07-01",
            "source_as_of": "end of June 2025",
            "headline_line": "1",
        }
        _insert(conn, "meta", list(meta.items()))
        _insert(conn, "glossary", [(t, i, f"{t}: {gen.text(20)}.", 0) for i, t in enumerate(gen.glossary)])
        for _id, fact_rows, paragraphs, headings, mentions, section in gen.section_rows():
            _insert(conn, "sections", [section])
            _insert(conn, "paragraphs", paragraphs)
            _insert(conn, "facts", fact_rows)
            _insert(conn, "fact_headings", headings)
            _insert(conn, "term_mentions", mentions)
        conn.execute("COMMIT")
        for table, columns in INDEXES:
            db.table(table).create_index(columns)
        for name, columns in FTS.items():
            if fts_prefix:
                listed = ", ".join(f'"{c}"' for c in columns)
                conn.execute(
                    f"CREATE VIRTUAL TABLE {name}_fts USING FTS5 ({listed}, tokenize='porter', content=\"{name}\","
                    f" prefix='{' '.join(str(int(n)) for n in fts_prefix.split())}')"
                )
                conn.execute(f"INSERT INTO {name}_fts({name}_fts) VALUES ('rebuild')")
            else:
                db.table(name).enable_fts(columns, tokenize="porter", create_triggers=False)
            conn.execute(f"INSERT INTO {name}_fts({name}_fts) VALUES ('optimize')")
        conn.execute("ANALYZE")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
        conn.close()
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=10_000)
    parser.add_argument("--sections", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--fts-prefix", metavar="LENGTHS", help='add FTS5 prefix indexes, e.g. "2 3 4"')
    args = parser.parse_args(argv)
    started = time.perf_counter()
    path = generate(args.out, args.facts, args.sections, args.seed, args.fts_prefix)
    size = path.stat().st_size / 1e6
    print(f"{path}: {args.facts:,} facts, {size:,.0f} MB in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
