"""The PDFium fast path and the pdfplumber path give identical records."""

from __future__ import annotations

import pytest

from conftest import CORPORA, DOCUMENTS


@pytest.mark.parametrize("stem", list(DOCUMENTS))
def test_pdfium_and_pdfplumber_engines_give_identical_records(extracted, stem):
    from plantext.api import extract

    slow = extract(CORPORA / f"{stem}.pdf", pdf_engine="pdfplumber").to_dict()
    assert extracted(stem, "pdf") == slow
