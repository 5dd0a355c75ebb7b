"""The document as PDF, laid out by WeasyPrint from the HTML page (A4, page numbers, DRAFT)."""

from __future__ import annotations


class PdfUnavailable(Exception):
    """WeasyPrint, or the Pango library it draws text with, is not installed."""


def render_pdf(html: str) -> bytes:
    try:
        from weasyprint import HTML  # type: ignore[import-untyped]
    except (ImportError, OSError) as error:  # OSError: Pango's shared library is missing
        raise PdfUnavailable(
            "PDF output needs WeasyPrint and the Pango library: "
            "`pip install 'icslint[pdf]'`, and on Debian or Ubuntu "
            "`apt-get install libpango-1.0-0 libpangoft2-1.0-0` "
            f"({type(error).__name__}: {error})"
        ) from None
    pdf: bytes = HTML(string=html).write_pdf()  # bytes, as no target file is given
    return pdf
