"""The Python API: ``extract(path) -> Plan``, one pure function of a file.

The function reads nothing but the file and writes nothing, so a process
pool or a cluster can call it on many files at once.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath

from plantext import __version__
from plantext.ingest.model import SourceDocument
from plantext.models import Document, Plan, Source


def document_id_for(path: str | Path) -> str:
    """A stable id from the file name: its stem, lower-cased, spaces as dashes."""
    stem = PurePath(path).stem.strip()
    return re.sub(r"\s+", "-", stem).lower() or "document"


def extract(path: str | Path, document_id: str | None = None, *, pdf_engine: str = "pdfium") -> Plan:
    """Extract every record of one plan document (PDF or text dump).

    ``pdf_engine`` chooses how PDFs are read: ``"pdfium"`` (fast: PDFium's
    characters and paths) or ``"pdfplumber"`` (every page through pdfplumber);
    both give the same records.  Raises ``plantext.PlantextError`` with a
    one-line reason for bad input.
    """
    from plantext.ingest import read_source

    source = read_source(path, pdf_engine=pdf_engine)
    return extract_source(source, document_id or document_id_for(path))


# The first paragraphs of a document, where the cover letter that prints a
# plan (国务院办公厅关于印发…的通知) names its issuer.
_COVER_LETTER_PARAGRAPHS = 5


def extract_source(source: SourceDocument, document_id: str) -> Plan:
    """Every record of a document already read (``plantext.ingest``): what
    ``extract`` does after reading, for a batch that read a long PDF in parts."""
    from plantext.extractors.deadlines import extract_deadlines
    from plantext.extractors.document import find_plan_period, find_region
    from plantext.extractors.glossary import extract_abbreviations, extract_glossary
    from plantext.extractors.indicators import extract_indicators
    from plantext.extractors.outline import extract_outline, extract_subheadings
    from plantext.extractors.projects import extract_projects
    from plantext.extractors.schedules import extract_schedule_deadlines
    from plantext.extractors.targets import extract_targets
    from plantext.extractors.tables import read_tables, table_record
    from plantext.layout import analyse

    layout = analyse(source)
    title = layout.title or source.metadata_title or ""
    document = Document(
        id=document_id,
        title=title,
        region=find_region(title, (paragraph.text for paragraph in layout.paragraphs[:_COVER_LETTER_PARAGRAPHS])),
        period=find_plan_period(title, (paragraph.text for paragraph in layout.paragraphs)),
        source=Source(
            path=PurePath(source.path).as_posix(),
            sha256=source.sha256,
            format=source.format,
            pages=len(source.pages),
            encoding=source.encoding,
        ),
    )
    tables = read_tables(layout)
    period_start = document.period.start if document.period else None
    # Prose deadlines and task-table rows, in page order (sorted is stable).
    deadlines = sorted(
        extract_deadlines(layout) + extract_schedule_deadlines(tables, period_start),
        key=lambda deadline: deadline.page,
    )
    return Plan(
        generator=f"plantext {__version__}",
        document=document,
        outline=extract_outline(layout),
        subheadings=extract_subheadings(layout),
        targets=extract_targets(layout),
        deadlines=deadlines,
        indicators=extract_indicators(tables, document.period),
        glossary=extract_glossary(layout),
        abbreviations=extract_abbreviations(layout),
        projects=extract_projects(layout),
        tables=[table_record(table) for table in tables],
    )
