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
    path = _existing_file(path)
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


def _existing_file(path: str | Path) -> Path:
    path = Path(path)
    if not path.exists():
        raise PlantextError(str(path), "no such file")
    if not path.is_file():
        raise PlantextError(str(path), "not a file")
    return path


def count_pdf_pages(path: str | Path) -> int | None:
    """How many pages a PDF has, or None when it cannot be opened."""
    from plantext.ingest.pdfium import count_pdf_pages as count

    return count(path)


def read_pdf_part(path: str | Path, pages: range) -> SourceDocument:
    """The pages at ``pages`` (0-based) of a PDF, read by PDFium: one part of
    a long document that several workers read at once.  ``join_parts``
    makes the document of the parts, the same as ``read_source`` reads."""
    from plantext.ingest.pdfium import read_pdf_fast

    return read_pdf_fast(_existing_file(path), pages)


def join_parts(parts: list[SourceDocument]) -> SourceDocument:
    """The document whose parts ``read_pdf_part`` read, checked as a whole."""
    from plantext.ingest.pdf import join_pdf_parts

    return join_pdf_parts(parts)
