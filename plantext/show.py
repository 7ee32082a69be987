"""A page of HTML to check targets and deadlines by eye against the text.

``render_html`` shows a document's prose paragraphs in reading order, each
under the page it starts on, with the quantity of every target and every
deadline highlighted by displaCy (``style="ent"``).  A target's mark reads
``TARGET`` followed by its metric, comparator, value and deadline; a
deadline's reads ``DEADLINE`` followed by its date and kind.  The first
paragraph of page 12 carries the anchor ``p-12``, and every paragraph's
``p. 12`` label links to it, so ``OUT.html#p-12`` opens on page 12.

The page is self-contained: styles inline, no scripts, no network.

``plantext show FILE --html OUT.html`` runs ``save_html``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from spacy import displacy

from plantext.extractors.deadlines import find_deadlines_in_sentence, plan_stages, plan_start_year
from plantext.extractors.targets import document_sentences, find_targets_in_sentence
from plantext.layout import Layout, Paragraph

TARGET_LABEL = "TARGET"
DEADLINE_LABEL = "DEADLINE"
COLORS = {TARGET_LABEL: "#9be7a4", DEADLINE_LABEL: "#ffd166"}
COMPARATOR_SIGNS = {"=": "=", ">": ">", ">=": "≥", "<": "<", "<=": "≤", "~": "≈"}

PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; }}
.paragraph {{ margin: 1.5em 0; }}
.page {{ display: inline-block; font-size: 0.8em; color: #666; margin-bottom: 0.3em; }}
.legend mark {{ padding: 0.2em 0.5em; border-radius: 0.35em; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p class="legend">{legend}</p>
{paragraphs}
</body>
</html>
"""


@dataclass
class _Marks:
    """The highlighted spans of one paragraph: (start, end) → label and note."""

    paragraph: Paragraph
    spans: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)


def render_html(source: str | Path | Layout, only_marked: bool = False, title: str | None = None) -> str:
    """One self-contained HTML page of the document with its targets and deadlines highlighted.

    ``source`` is a PDF or text file, or a ``Layout`` already analysed.
    ``only_marked`` leaves out the paragraphs without a target or deadline;
    ``title`` replaces the document's title as the page's heading.
    """
    layout = _layout(source)
    blocks = []
    anchored_pages: set[int] = set()
    for marks in _paragraph_marks(layout):
        if only_marked and not marks.spans:
            continue
        page = marks.paragraph.page
        anchor = f' id="p-{page}"' if page not in anchored_pages else ""
        anchored_pages.add(page)
        blocks.append(
            f'<section class="paragraph"{anchor}>\n'
            f'<a class="page" href="#p-{page}">p. {page}</a>\n'
            f"{_render_paragraph(marks, page)}\n"
            "</section>"
        )
    legend = " ".join(
        f'<mark style="background: {COLORS[label]}">{label}</mark>' for label in (TARGET_LABEL, DEADLINE_LABEL)
    )
    return PAGE_TEMPLATE.format(
        title=html.escape(title or layout.title or "plantext"),
        legend=legend,
        paragraphs="\n".join(blocks),
    )


def save_html(source: str | Path | Layout, path: str | Path, only_marked: bool = False, title: str | None = None) -> None:
    """Write ``render_html(source, …)`` to ``path`` atomically (never half a file)."""
    from plantext.batch import write_atomically

    write_atomically(Path(path), render_html(source, only_marked=only_marked, title=title))


def _layout(source: str | Path | Layout) -> Layout:
    if isinstance(source, Layout):
        return source
    from plantext.ingest import read_source
    from plantext.layout import analyse

    return analyse(read_source(source))


def _paragraph_marks(layout: Layout) -> list[_Marks]:
    """The marks of every prose paragraph, found as ``extract`` finds them."""
    plan_start = plan_start_year(layout)
    stages = plan_stages(layout)
    marks: list[_Marks] = []
    for paragraph, sentence, lead_in in document_sentences(layout, every_paragraph=True):
        if not marks or marks[-1].paragraph is not paragraph:
            marks.append(_Marks(paragraph))
        spans = marks[-1].spans
        offset = sentence.start
        for expression in find_deadlines_in_sentence(sentence.text, plan_start, stages):
            note = f"{expression.date} {expression.kind}"
            spans[(offset + expression.start, offset + expression.end)] = (DEADLINE_LABEL, note)
        for target in find_targets_in_sentence(sentence.text, lead_in, plan_start, stages):
            sign = COMPARATOR_SIGNS[target.comparator]
            note = f"{target.metric} {target.change} {sign} {target.value}{target.unit or ''} · {target.deadline.raw}"
            key = (offset + target.start, offset + target.end)
            if key in spans:
                # 化学需氧量和氨氮排放总量分别下降8%: one value, several metrics.
                note = spans[key][1] + "; " + note
            spans[key] = (TARGET_LABEL, note)
    return marks


def _render_paragraph(marks: _Marks, page: int) -> str:
    ents = [
        {
            "start": start,
            "end": end,
            "label": label,
            # displaCy prints kb_id after the label as a link to kb_url.
            "kb_id": html.escape(note),
            "kb_url": f"#p-{page}",
        }
        for (start, end), (label, note) in sorted(marks.spans.items())
    ]
    document = {"text": marks.paragraph.text, "ents": ents, "title": None}
    return displacy.render(
        [document], style="ent", manual=True, page=False, jupyter=False, options={"colors": COLORS}
    )
