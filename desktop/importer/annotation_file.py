"""Write facts in the annotation format of resources/facts.toml, so a user can edit them and import again.

Fields are written in the curated file's order; a field left at its default is left out. `paragraph` is
always written (it keeps a quote repeated in a section where it was found); `quote_start` and `figure_start`
only where the text alone cannot place the quote or the figure.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from desktop.domain.formatting import plain_number
from desktop.importer.annotations import FactAnnotation, NotMetric
from desktop.importer.document import Report

_ORDER = ["id", "section", "label", "figure", "value", "value_min", "value_max", "unit", "qualifier", "period",
          "kind", "quote", "paragraph", "quote_start", "figure_start", "headings", "derived", "formula",
          "derived_from"]  # fmt: skip

HEADER = """\
# Fact annotations proposed by `fact-explorer import` for {source}.
# Edit labels, units, periods, qualifiers and kinds; delete a [[fact]] to leave it out; then import again with
# `fact-explorer import {source} -o NEW.sqlite --annotations THIS_FILE`. Fields as in resources/facts.toml:
#   quote   the sentence, verbatim;   figure  the figure as written in the quote;   value  in base units
#   (value_min / value_max for a range);   paragraph  the paragraph the quote is in (kept by the importer).
# [[not_metric]] lists numbers of the body that were not read as metrics, with the reason.

"""


def fact_table(fact: FactAnnotation, paragraph_text: str | None = None) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "id": fact.id,
        "section": fact.section,
        "label": fact.label,
        "figure": fact.figure,
        "value": plain_number(fact.value),
        "value_min": plain_number(fact.value_min),
        "value_max": plain_number(fact.value_max),
        "unit": fact.unit,
        "qualifier": fact.qualifier,
        "period": fact.period,
        "kind": fact.kind,
        "quote": fact.quote,
        "paragraph": fact.paragraph,
        "headings": fact.headings or None,
        "derived": fact.derived or None,
        "formula": fact.formula,
        "derived_from": fact.derived_from or None,
    }
    if paragraph_text is not None and fact.quote_start is not None and paragraph_text.count(fact.quote) > 1:
        raw["quote_start"] = fact.quote_start
    if fact.figure and fact.figure_start is not None and fact.quote.count(fact.figure) != 1:
        raw["figure_start"] = fact.figure_start
    return {key: raw[key] for key in _ORDER if raw.get(key) is not None}


def annotations_toml(facts: list[FactAnnotation], not_metrics: list[NotMetric], report: Report, source: str) -> str:
    import tomli_w

    texts = {p.number: p.text for s in report.sections for p in s.paragraphs}
    body = tomli_w.dumps(
        {
            "fact": [fact_table(f, texts.get(f.paragraph or -1)) for f in facts],
            "not_metric": [{"text": n.text, "reason": n.reason} for n in not_metrics],
        }
    )
    return HEADER.format(source=source) + body


def write_annotations(path: Path, text: str) -> Path:
    """Write the file whole or not at all (temporary file beside it, then renamed)."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path
