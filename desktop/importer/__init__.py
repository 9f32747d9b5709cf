"""No Qt: turn a report (text, Markdown, HTML, PDF) into proposed facts and a fact base of the bundled schema.

For the window: run `read_report_file(path, options, progress)` on the worker, show `plan.facts` (a list of
FactAnnotation, the review table's rows) for review, then `save_factbase(plan, out, kept_facts, progress)` on
the worker. `import_report(path, options, progress)` does both, as `fact-explorer import` does.
"""

from desktop.importer.annotations import AnnotationError, FactAnnotation, NotMetric
from desktop.importer.pipeline import (
    MAX_BYTES,
    ImportCancelled,
    ImportFailed,
    ImportOptions,
    ImportPlan,
    ImportResult,
    import_report,
    read_report_file,
    save_factbase,
)
from desktop.importer.vocabulary import KINDS, QUALIFIERS

__all__ = [
    "KINDS",
    "MAX_BYTES",
    "QUALIFIERS",
    "AnnotationError",
    "FactAnnotation",
    "ImportCancelled",
    "ImportFailed",
    "ImportOptions",
    "ImportPlan",
    "ImportResult",
    "NotMetric",
    "import_report",
    "read_report_file",
    "save_factbase",
]
