"""The document as Word (.docx), built with python-docx from the same tokens as the HTML.

Headings use Word's own Title and Heading styles (so the navigation pane and a table of
contents work), clauses keep their numbers with a hanging indent, and tables are real Word
tables.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from markdown_it.token import Token

from icslint.render.blocks import parse
from icslint.render.facts import DocumentFacts

HEADING_STYLES = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}
NUMBER_WIDTH = Cm(1.6)
DRAFT_RED = RGBColor(0xC0, 0x00, 0x00)


@dataclass
class _Table:
    rows: list[list[Token]] = field(default_factory=list)
    header_rows: int = 0


def render_docx(markdown: str, facts: DocumentFacts) -> bytes:
    """The Word file's bytes."""
    title, draft = facts.title, facts.draft
    word = new_document()
    word.core_properties.title = title[:255]  # Word's limit for the title property
    word.core_properties.subject = "Rendered by icslint"
    _page_furniture(word, draft)
    _write(word, parse(markdown))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _write(word: WordDocument, tokens: Sequence[Token]) -> None:
    list_depth = 0
    table: _Table | None = None
    clause: str | None = None
    stream = iter(tokens)
    for token in stream:
        kind = token.type
        if kind == "heading_open":
            style = HEADING_STYLES.get(token.tag, "Heading 3")
            _runs(word.add_paragraph(style=style), _inline(next(stream)))
        elif kind == "paragraph_open":
            clause = token.meta.get("clause")
        elif kind == "inline" and table is not None:
            table.rows[-1].append(token)
        elif kind == "inline":
            paragraph = _paragraph(word, list_depth, clause)
            _runs(paragraph, _inline(token))
            clause = None
        elif kind == "bullet_list_open":
            list_depth += 1
        elif kind == "bullet_list_close":
            list_depth -= 1
        elif kind == "table_open":
            table = _Table()
        elif kind == "tr_open" and table is not None:
            table.rows.append([])
        elif kind == "thead_close" and table is not None:
            table.header_rows = len(table.rows)
        elif kind == "table_close" and table is not None:
            _add_table(word, table)
            table = None
        elif kind in ("fence", "code_block"):
            paragraph = word.add_paragraph()
            paragraph.add_run(token.content.rstrip("\n")).font.name = "Courier New"


def _paragraph(word: WordDocument, list_depth: int, clause: str | None) -> Paragraph:
    if list_depth:
        paragraph = word.add_paragraph(style="List Bullet" if list_depth == 1 else "List Bullet 2")
        paragraph.paragraph_format.left_indent = NUMBER_WIDTH + Cm(0.63 * list_depth)
        return paragraph
    paragraph = word.add_paragraph()
    if clause is not None:
        # A hanging indent with a tab stop: the number sits in the margin, the text aligns.
        depth = clause.count(".")
        indent = NUMBER_WIDTH + Cm(0.4 * (depth - 1))
        paragraph.paragraph_format.left_indent = indent
        paragraph.paragraph_format.first_line_indent = -indent
        paragraph.paragraph_format.tab_stops.add_tab_stop(indent)
        run = paragraph.add_run(f"{clause}\t")
        run.bold = True
    return paragraph


@dataclass(frozen=True)
class _Span:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    line_break: bool = False


def _inline(token: Token) -> Iterator[_Span]:
    bold = italic = False
    for child in token.children or ():
        kind = child.type
        if kind == "text":
            yield _Span(child.content, bold, italic)
        elif kind == "code_inline":
            yield _Span(child.content, bold, italic, code=True)
        elif kind == "strong_open":
            bold = True
        elif kind == "strong_close":
            bold = False
        elif kind == "em_open":
            italic = True
        elif kind == "em_close":
            italic = False
        elif kind == "softbreak":
            yield _Span(" ", bold, italic)
        elif kind == "hardbreak":
            yield _Span("", line_break=True)
        # html_inline tokens are only the clause labels the renderer adds; the Word paragraph
        # already carries its number.


def _runs(paragraph: Paragraph, spans: Iterator[_Span]) -> None:
    for span in spans:
        if span.line_break:
            paragraph.add_run().add_break(WD_BREAK.LINE)
            continue
        run = paragraph.add_run(span.text)
        run.bold = span.bold or None
        run.italic = span.italic or None
        if span.code:
            run.font.name = "Courier New"


def _add_table(word: WordDocument, table: _Table) -> None:
    columns = max((len(row) for row in table.rows), default=0)
    if not columns:
        return
    grid = word.add_table(rows=len(table.rows), cols=columns)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(table.rows):
        header = r < table.header_rows
        for c, cell_token in enumerate(row):
            cell: _Cell = grid.cell(r, c)
            paragraph = cell.paragraphs[0]
            _runs(paragraph, _inline(cell_token))
            if header:
                for run in paragraph.runs:
                    run.bold = True
        if header:
            _repeat_as_header(grid.rows[r]._tr)
    word.add_paragraph()


def _repeat_as_header(row_xml: CT_Row) -> None:
    """Mark a table row to repeat at the top of each page the table runs onto."""
    properties = row_xml.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _page_furniture(word: WordDocument, draft: bool) -> None:
    """Page numbers in the footer; DRAFT in the header of every page of a draft."""
    section = word.sections[0]
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    if draft:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = header.add_run("DRAFT: not approved")
        run.bold = True
        run.font.size = Pt(14)
        run.font.color.rgb = DRAFT_RED


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when laying out pages."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
        if kind == "separate":
            placeholder = OxmlElement("w:t")
            placeholder.text = "1"
            run._r.append(placeholder)
