"""The outline: every heading of the document with its kind, label, number and page.

The contract's outline holds parts, chapters, sections, boxes, tables and
annexes.  Deeper headings (一、 or 1. under a 节) are kept apart, as
``subheadings``, so that the outline keeps the contract's kinds.
"""

from __future__ import annotations

from plantext.layout import Layout
from plantext.models import Heading

DEEPER_KINDS = ("subsection",)


def all_headings(layout: Layout) -> list[Heading]:
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


def extract_outline(layout: Layout) -> list[Heading]:
    return [heading for heading in all_headings(layout) if heading.kind not in DEEPER_KINDS]


def extract_subheadings(layout: Layout) -> list[Heading]:
    return [heading for heading in all_headings(layout) if heading.kind in DEEPER_KINDS]
