"""Ingestion: a PDF or a text dump becomes pages of positioned lines."""

from __future__ import annotations

from pathlib import Path

from plantext.errors import PlantextError
from plantext.ingest.model import SourceDocument

SUPPORTED_SUFFIXES = (".pdf", ".txt")
# How PDFs are read: "pdfium" (PDFium for prose pages, pdfplumber for pages
# that draw rules) or "pdfplumber" (every page through pdfplumber).
PDF_ENGINES = ("pdfium", "pdfplumber")


def read_source(path: str | Path, pdf_engine: str = "pdfium") -> SourceDocument:
    """Read a PDF or a text dump; the suffix decides which (content is then checked)."""
    path = Path(path)
    if not path.exists():
        raise PlantextError(str(path), "no such file")
    if not path.is_file():
        raise PlantextError(str(path), "not a file")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        if pdf_engine == "pdfium":
            from plantext.ingest.pdfium import read_pdf_fast

            return read_pdf_fast(path)
        from plantext.ingest.pdf import read_pdf

        return read_pdf(path)
    if suffix == ".txt":
        from plantext.ingest.text import read_text

        return read_text(path)
    raise PlantextError(str(path), f"unsupported file type {suffix or '(none)'} (expected .pdf or .txt)")
