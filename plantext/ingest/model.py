"""The page/line model that PDF and text ingestion both produce.

Everything downstream of ``plantext.ingest`` sees only these classes, so the
layout and extractors are written once for both kinds of source.

Coordinates are in the source's own unit: PDF points for PDFs, character
columns for text (a CJK character is two columns wide).  ``Line.em`` gives the
width of one CJK character in that unit, so layout rules can be stated in ems
("indented by two characters") whatever the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Segment(NamedTuple):
    """A run of text inside a line, separated from its neighbours by a visible gap.

    A named tuple, not a frozen dataclass: a line is cut into segments for
    every line of every page, and a tuple is built at a third of the cost.
    """

    text: str
    x0: float
    x1: float


@dataclass(slots=True)
class Line:
    text: str
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    em: float
    bold: bool = False
    segments: tuple[Segment, ...] = ()
    # Text dumps of published PDFs often keep a trailing space exactly where
    # a paragraph ended; when a dump shows that habit the line is flagged.
    hard_break: bool = False
    # An empty line followed this one (single-spaced text dumps): a paragraph
    # break, unless only page furniture followed it on its page.
    blank_after: bool = False


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle: a bordered 专栏 frame or the outline of a ruled table."""

    x0: float
    top: float
    x1: float
    bottom: float

    def contains(self, line: Line, slack: float = 2.0) -> bool:
        return (
            line.x0 >= self.x0 - slack
            and line.x1 <= self.x1 + slack
            and line.top >= self.top - slack
            and line.bottom <= self.bottom + slack
        )


@dataclass(frozen=True, slots=True)
class GridCell:
    text: str
    box: Box


@dataclass(frozen=True, slots=True)
class Grid:
    """A ruled table found from the page's drawn lines.

    ``rows`` is the grid of cells top to bottom, left to right; a merged cell
    appears once, in the first row and column it covers, and ``None`` fills
    the positions it spans.
    """

    box: Box
    rows: tuple[tuple[GridCell | None, ...], ...]


@dataclass(slots=True)
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    frames: list[Box] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)


@dataclass(slots=True)
class SourceDocument:
    path: str
    format: str
    sha256: str
    pages: list[Page]
    encoding: str | None = None
    metadata_title: str | None = None
    # True when the source marks every paragraph end itself (a text dump's
    # trailing spaces); the layout then does not guess ends from line widths.
    paragraph_ends_marked: bool = False
