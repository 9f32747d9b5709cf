"""Read-only access to a fact base: typed dataclasses and the queries the window and CLI ask. No Qt here."""

from desktop.store.errors import FactBaseError, UnknownIdError
from desktop.store.factbase import FactBase
from desktop.store.models import Document, Fact, FactHeading, GlossaryTerm, Paragraph, Section, TermMention

__all__ = [
    "Document",
    "Fact",
    "FactBase",
    "FactBaseError",
    "FactHeading",
    "GlossaryTerm",
    "Paragraph",
    "Section",
    "TermMention",
    "UnknownIdError",
]
