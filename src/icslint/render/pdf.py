"""The document as PDF, laid out by WeasyPrint from the HTML page (A4, page numbers, DRAFT).

Public bodies must publish accessible documents, so the PDF is tagged as PDF/UA-1 asks: a
structure tree made from the HTML's headings, paragraphs, lists and tables, the document's
language (en-GB) and title, bookmarks from the headings, and live links.
"""

from __future__ import annotations

INSTALL_HINT = (
    "PDF output needs WeasyPrint and the Pango library. Install icslint with its pdf extra "
    "from where you installed it (for example `pip install '.[pdf]'` in a clone of icslint), "
    "and the Pango library (`apt-get install libpango-1.0-0 libpangoft2-1.0-0` on Debian or "
    "Ubuntu)"
)


class PdfUnavailable(Exception):
    """WeasyPrint, or the Pango library it draws text with, is not installed."""


def render_pdf(html: str) -> bytes:
    try:
        from weasyprint import HTML  # type: ignore[import-untyped]
    except (ImportError, OSError) as error:  # OSError: Pango's shared library is missing
        raise PdfUnavailable(f"{INSTALL_HINT} ({type(error).__name__}: {error})") from None
    # PDF/UA-1: tagged, with the title shown in the viewer's title bar and the language set.
    pdf: bytes = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    return pdf
