"""The outline: every heading of the document with its kind, label, number and page."""

from __future__ import annotations

from plantext.layout import Layout
from plantext.models import Heading


def extract_outline(layout: Layout) -> list[Heading]:
    return [
        Heading(
            kind=heading.kind,
            label=heading.match.label,
            number=heading.match.number,
            title=heading.match.title,
            level=heading.level,
            page=heading.page,
        )
        for heading in layout.headings
    ]
