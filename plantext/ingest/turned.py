"""Pages whose content is drawn turned a quarter turn, without /Rotate.

Some PDF printers put a landscape page (a wide table) onto a portrait page
by drawing its content turned by 90° or 270°: the page has no /Rotate, but
every character's text runs up or down the page and the table's rules are
turned with it.  Such a page is read in the frame of its content (the
page's width and height swapped): every character box and every path box is
mapped into that frame before lines, frames and grids are built, so the
layout sees an ordinary landscape page.  Both PDF engines map through here.

Turns are named by PDFium's character angle (``FPDFText_GetCharAngle``,
clockwise from the page's x axis): at 90° text runs down the page (the
content turned clockwise), at 270° it runs up (turned anticlockwise).
"""

from __future__ import annotations

import math

from plantext.ingest.model import Box

# A page is turned when more than this share of its sampled visible
# characters share one quarter turn.
TURNED_SHARE = 0.5
# Characters sampled per page to tell a turned page: reading every
# character's angle would cost PDFium a call per character on every page.
SAMPLED_CHARS = 32
# How far (radians) a character's angle may be from a quarter turn.
ANGLE_TOLERANCE = 0.1


def turn_of_angle(angle: float) -> int:
    """The quarter turn (0, 90, 180 or 270) of a PDFium character angle, or
    -1 for an angle between quarter turns (slanted text)."""
    quarters = angle / (math.pi / 2)
    nearest = round(quarters)
    if abs(quarters - nearest) * (math.pi / 2) > ANGLE_TOLERANCE:
        return -1
    return nearest % 4 * 90


def turn_of_matrix(matrix: tuple[float, ...]) -> int:
    """The quarter turn of a character drawn with text matrix ``matrix`` (a,
    b, c, d, e, f; pdfminer's): its text runs along (a, b) in PDF space, whose
    y axis points up, so PDFium's clockwise angle is minus its direction's."""
    a, b = matrix[0], matrix[1]
    return turn_of_angle(-math.atan2(b, a) % (2 * math.pi))


def sample(chars: list) -> list:
    """An even sample of a page's visible characters, for ``page_turn``."""
    return chars[:: max(1, len(chars) // SAMPLED_CHARS)]


def page_turn(turns: list[int]) -> int:
    """90 or 270 when more than half the (sampled) characters are turned so,
    else 0."""
    for turn in (90, 270):
        if turns and turns.count(turn) > TURNED_SHARE * len(turns):
            return turn
    return 0


def to_turned_frame(box: tuple[float, float, float, float], turn: int, width: float, height: float) -> tuple[float, float, float, float]:
    """A box (x0, top, x1, bottom) of a ``width`` × ``height`` page whose
    content is turned by ``turn``, in the frame of that content (``height``
    wide, ``width`` high; y downwards, as everywhere in plantext).

    At 270° the content's top edge lies along the page's left edge and its
    text runs up: a point (x, y) of the page is (height − y, x) of the
    content.  At 90° the content's top edge lies along the page's right edge
    and its text runs down: (x, y) is (y, width − x)."""
    x0, top, x1, bottom = box
    if turn == 270:
        return (height - bottom, x0, height - top, x1)
    if turn == 90:
        return (top, width - x1, bottom, width - x0)
    raise ValueError(f"not a quarter turn: {turn}")


def moved_upright(box: tuple[float, float, float, float], width: float, height: float) -> tuple[float, float, float, float]:
    """A box of a character not turned with its page (an upright page number
    printed on a turned page), in the turned frame: its centre is moved in
    proportion to the frame's size, its size kept.  A footer stays at the
    foot of the frame and a header at its head, where the layout drops page
    furniture, and the characters of one upright line stay one line."""
    x0, top, x1, bottom = box
    shift_x = (x0 + x1) / 2 * (height / width - 1)
    shift_y = (top + bottom) / 2 * (width / height - 1)
    return (x0 + shift_x, top + shift_y, x1 + shift_x, bottom + shift_y)


def turned_char(char: dict, char_turn: int, turn: int, width: float, height: float) -> dict:
    """A character dict (x0, top, x1, bottom and the rest) of a page turned by
    ``turn``, in the turned frame."""
    box = (char["x0"], char["top"], char["x1"], char["bottom"])
    if char_turn == turn:
        x0, top, x1, bottom = to_turned_frame(box, turn, width, height)
    else:
        x0, top, x1, bottom = moved_upright(box, width, height)
    return {**char, "x0": x0, "top": top, "x1": x1, "bottom": bottom}


def into_turned_frame(
    chars: list[dict], char_turns: list[int], paths: list[tuple[Box, bool]], turn: int, width: float, height: float
) -> tuple[list[dict], list[tuple[Box, bool]]]:
    """The characters (each of quarter turn ``char_turns[i]``) and the path
    boxes (with whether each is stroked) of a ``width`` × ``height`` page
    turned by ``turn``, in the turned frame (``height`` × ``width``)."""
    chars = [turned_char(char, char_turn, turn, width, height) for char, char_turn in zip(chars, char_turns)]
    paths = [(Box(*to_turned_frame((box.x0, box.top, box.x1, box.bottom), turn, width, height)), stroked) for box, stroked in paths]
    return chars, paths
