"""Ingestion: a PDF or a text dump becomes pages of positioned lines."""

from __future__ import annotations

from pathlib import Path

from plantext.errors import PlantextError
from plantext.ingest.model import SourceDocument

SUPPORTED_SUFFIXES = (".pdf", ".txt")


def read_source(path: str | Path) -> SourceDocument:
    """Read a PDF or a text dump; the suffix decides which (content is then checked)."""
    path = Path(path)
    if not path.exists():
        raise PlantextError(str(path), "no such file")
    if not path.is_file():
        raise PlantextError(str(path), "not a file")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from plantext.ingest.pdf import read_pdf

        return read_pdf(path)
    if suffix == ".txt":
        from plantext.ingest.text import read_text

        return read_text(path)
    raise PlantextError(str(path), f"unsupported file type {suffix or '(none)'} (expected .pdf or .txt)")
