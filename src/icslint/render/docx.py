"""The document as Word (.docx), built with python-docx from the same tokens as the HTML.

A board signs this file, so it is laid out as one: A4 in British English, with the document's
own properties (its title, whose document it is, the day it was made). Headings use Word's own
Title and Heading styles, so the navigation pane and the table of contents after the title
work. Section, part and clause numbers are Word list numbering, not typed text: multi-level
lists linked to Heading 1 and to clause styles ("Clause 1", "Clause 2" ...; "Appendix 2
clause 1" ... in an appendix) show the numbers the Markdown gives, and a clause added in Word
with the style of the clauses around it renumbers the ones after it. Tables are real Word
tables whose columns fit their content, whose header rows repeat and whose rows never split
across pages.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import cast
from xml.sax.saxutils import escape

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor, Twips
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph
from markdown_it.token import Token

from icslint.printable import printable
from icslint.render.blocks import HEADING_NUMBER, parse
from icslint.render.facts import DocumentFacts

# Word's own styles by their ids (Heading1 is "Heading 1"), the same in every Word document.
HEADING_STYLES = {"h1": "Title", "h2": "Heading1", "h3": "Heading2", "h4": "Heading3"}
BULLET_STYLES = ("ListBullet", "ListBullet2")
DRAFT_RED = RGBColor(0xC0, 0x00, 0x00)

# A4 with Word's British margins of 2.54 cm, in twentieths of a point as Word stores them.
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
MARGIN = 1440
USABLE_WIDTH = PAGE_WIDTH - 2 * MARGIN

# Clause numbers hang in the margin: the number, then the text at this indent (wider for
# deeper numbers such as 2.10.3.1).
NUMBER_WIDTH = Cm(1.6)
DEEPER = Cm(0.4)
LEVELS = 9  # Word's limit for one list

# Table widths are estimated from character counts, in twips: an average character of the
# body font (Calibri 11 pt); a wide one, so that the longest word, bold or in capitals, or in a
# wider font where Calibri is missing, still fits on one line; and a cell's left and right
# margins.
CHARACTER = 110
WIDE_CHARACTER = 140
CELL_PADDING = 2 * 108

CONTENTS_FIELD = 'TOC \\o "1-3" \\h \\z \\u'
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
EXTENDED_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


@dataclass
class _Table:
    rows: list[list[Token]] = field(default_factory=list)
    header_rows: int = 0


def render_docx(markdown: str, facts: DocumentFacts) -> bytes:
    """The Word file's bytes."""
    word = blank_document(facts)
    _update_fields_on_opening(word)
    _page_furniture(word, facts.draft)
    _write(word, parse(markdown), _Numbers(word))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


# --- The page, the language and the file's properties ---------------------------------------


def blank_document(facts: DocumentFacts) -> WordDocument:
    """An empty Word document on A4, in `facts.language`, whose properties are `facts` (and
    none of python-docx's template): the start of every Word file icslint writes."""
    word = new_document()
    _page(word)
    _language(word, facts.language)
    _properties(word, facts)
    return word


def _page(word: WordDocument) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Twips(MARGIN))
    section.header_distance = section.footer_distance = Cm(1.25)


def _language(word: WordDocument, language: str) -> None:
    """Word spell-checks in `language`: the default for all text, every style that names a
    language, and the theme's fonts. The East Asian and right-to-left languages stay."""
    for element in word.styles.element.iter(qn("w:lang")):
        element.set(qn("w:val"), language)
    settings = word.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), language)
    # The template says its spelling was checked and clean; it was not, for this text.
    proof = settings.find(qn("w:proofState"))
    if proof is not None:
        settings.remove(proof)
    # A second copy of the template's styles, for Word 2010, still in American English.
    for r_id, rel in list(word.part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            word.part.drop_rel(r_id)


def _properties(word: WordDocument, facts: DocumentFacts) -> None:
    """The document's own properties, and none of python-docx's template: its author, its
    2013 dates, its description, its picture of an empty page and the program it names."""
    made = dt.datetime.combine(facts.generated, dt.time(), tzinfo=dt.UTC)
    author = _property(facts.body or "")
    core = word.core_properties
    core.title = _property(facts.title)
    core.subject = _property(facts.subject)
    core.author = core.last_modified_by = author
    core.category = facts.kind
    core.version = _property(facts.version or "")
    core.comments = ""
    core.content_status = "Draft" if facts.draft else ""
    core.language = facts.language
    core.created = core.modified = made
    core.revision = 1
    package = word.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[r_id]
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            # python-docx keeps this part as bytes only; it names the template's program.
            rel.target_part._blob = _application_properties(author)


def _property(text: str) -> str:
    """Text fit for a document property: printable, and within Word's 255 characters."""
    return printable(text)[:255]


def _application_properties(company: str) -> bytes:
    """docProps/app.xml naming the program that made the file and the body it is for."""
    body = f"<Company>{escape(company)}</Company>" if company else ""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<Properties xmlns="{EXTENDED_PROPERTIES}">'
        f"<Application>icslint</Application>{body}</Properties>"
    ).encode()


def _update_fields_on_opening(word: WordDocument) -> None:
    """Ask Word to fill in the table of contents and page counts when the file is opened."""
    settings = word.settings.element
    update = OxmlElement("w:updateFields", {qn("w:val"): "true"})
    compat = settings.find(qn("w:compat"))  # the schema puts updateFields just before it
    if compat is not None:
        compat.addprevious(update)
    else:
        settings.append(update)


# --- The text --------------------------------------------------------------------------------


def _write(word: WordDocument, tokens: Sequence[Token], numbers: _Numbers) -> None:
    list_depth = 0
    table: _Table | None = None
    clause: str | None = None
    contents = _contents_entries(tokens)
    stream = iter(tokens)
    for token in stream:
        kind = token.type
        if kind == "heading_open":
            if token.tag != "h1" and contents:
                # The contents go after the title and whatever comes before the first section.
                _contents(word, contents)
                contents = []
            _heading(word, token.tag, list(_inline(next(stream))), numbers)
        elif kind == "paragraph_open":
            clause = token.meta.get("clause")
        elif kind == "inline" and table is not None:
            table.rows[-1].append(token)
        elif kind == "inline":
            paragraph = _paragraph(word, list_depth, clause, numbers)
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


def _heading(word: WordDocument, tag: str, spans: list[_Span], numbers: _Numbers) -> None:
    """A heading in Word's style for its level; a section or part number becomes the list's."""
    paragraph = _add_paragraph(word, HEADING_STYLES.get(tag, "Heading3"))
    match = HEADING_NUMBER.match(spans[0].text) if tag != "h1" and spans else None
    if match and numbers.number(paragraph, match.group(1)):
        spans[0] = replace(spans[0], text=spans[0].text[match.end() :])
    elif tag != "h1":
        numbers.unnumbered(paragraph)  # the heading style is numbered; "Appendix 1" is not
        if tag == "h2":
            numbers.appendix("".join(span.text for span in spans))
    _runs(paragraph, iter(spans))


def _paragraph(
    word: WordDocument, list_depth: int, clause: str | None, numbers: _Numbers
) -> Paragraph:
    if list_depth:
        paragraph = _add_paragraph(word, BULLET_STYLES[min(list_depth, 2) - 1])
        paragraph.paragraph_format.left_indent = NUMBER_WIDTH + Cm(0.63 * list_depth)
        return paragraph
    if clause is None:
        return word.add_paragraph()
    paragraph = word.add_paragraph()
    if not numbers.clause(paragraph, clause):  # deeper than Word's lists go: typed
        paragraph.add_run(f"{clause} ").bold = True
    return paragraph


def _add_paragraph(word: WordDocument, style_id: str, text: str = "") -> Paragraph:
    """A paragraph in the style `style_id` (python-docx finds a style by name slowly, by
    reading every style in the document each time)."""
    paragraph = word.add_paragraph(text)
    paragraph._p.style = style_id
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
        # html_inline tokens are only the clause labels the renderer adds; in Word the
        # clause's number is the list's.


def _plain(token: Token) -> str:
    return "".join(span.text for span in _inline(token))


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


# --- Numbering -------------------------------------------------------------------------------


@dataclass
class _List:
    """A multi-level list (a w:num of its own w:abstractNum) and the clause styles linked to it."""

    num_id: int
    levels: list[BaseOxmlElement]
    style_name: str  # "Clause", "Appendix 2 clause": its styles are "Clause 1", "Clause 2" ...
    styles: dict[int, str] = field(default_factory=dict)  # style ids by level


class _Numbers:
    """Section, part and clause numbers as Word list numbering.

    A multi-level list gives level 0 the section's number (2), level 1 a part's or a clause's
    under a section (2.1), level 2 a clause's (2.1.1) and so on. The main list's levels are
    linked to Heading 1 and to the styles "Clause 1", "Clause 2" ..., and Heading 2 is numbered
    at level 1, so a heading or clause added in Word takes the next number and the ones after
    it move on.

    Word counts each level on from its previous number and restarts the levels below. Where the
    Markdown's number is not the one Word would reach by counting (the first part of each
    appendix, "1" after section 9, section 5 straight after section 3), a new list starts there
    at that number, so Word always shows the Markdown's numbers. Each new list has clause
    styles of its own, named for where it starts ("Appendix 2 clause 1", "Section 5 clause 1")
    and linked to it alone, so a clause added with the style of the clauses around it continues
    their list, not the main one. A new list that starts below level 0 ("6.3") writes the
    numbers above as text ("6.%2"): Word and LibreOffice disagree on what a level not yet used
    in a list shows, so no number here depends on one.
    """

    def __init__(self, word: WordDocument) -> None:
        self._styles = word.styles
        self._numbering = word.part.numbering_part.element
        self._main = self._list = _List(*self._new_list([], 1), style_name="Clause")
        self._fixed: list[int] = []  # the current list's numbers written as text
        self._counters: list[int | None] = []  # the last number shown at each level
        self._start = 1  # the current list's first number, at the level below `_fixed`
        self._appendix: str | None = None  # the appendix the text is in ("Appendix 2")
        self._lists_in_appendix = 0
        self._list_due = False  # the next number starts a new list, as an appendix's does
        self._list_names = {self._main.style_name}
        self._link(self._styles["Heading 1"], self._main, 0)
        self._link(self._styles["Heading 2"], self._main, 1, reverse=False)
        _set_num(self._styles["TOC Heading"].element.get_or_add_pPr(), 0, None)
        for depth in (1, 2, 3):
            self._clause_style(depth)

    def clause(self, paragraph: Paragraph, number: str) -> bool:
        """Give the clause `paragraph` the list number `number` ("2.1.3") and the clause style
        of that list and level; False, and no list number, if it has too many parts."""
        numbered = self.number(paragraph, number)
        paragraph._p.style = self._clause_style(min(number.count("."), LEVELS - 1))
        if not numbered:
            self.unnumbered(paragraph)
        return numbered

    def number(self, paragraph: Paragraph, number: str) -> bool:
        """Give `paragraph` the list number `number` ("2.1.3"); False if it has too many parts."""
        values = [int(part) for part in number.split(".")]
        level = len(values) - 1
        if level >= LEVELS:
            return False
        if self._list_due or self._next(level) != values:
            self._list_due = False
            num_id, levels = self._new_list(values[:level], values[level])
            self._list = _List(num_id, levels, style_name=self._new_list_name(number))
            self._fixed, self._counters, self._start = values[:level], [], values[level]
        seen = self._counters + [None] * LEVELS
        self._counters = [*seen[:level], values[level]]
        _set_num(paragraph._p.get_or_add_pPr(), self._list.num_id, level)
        return True

    def unnumbered(self, paragraph: Paragraph) -> None:
        """A paragraph whose style is numbered but which has no number ("Appendix 1: ...")."""
        _set_num(paragraph._p.get_or_add_pPr(), 0, None)

    def appendix(self, heading: str) -> None:
        """What follows the heading `heading`, which has no number ("Appendix 2: Standing
        orders"), is an appendix: its numbers are a list of their own, named after it."""
        self._appendix = printable(heading.split(":")[0]).strip()[:60] or "Appendix"
        self._lists_in_appendix = 0
        self._list_due = True

    def _clause_style(self, level: int) -> str:
        """The id of the style of a clause numbered at `level` (2.1 is 1, 2.1.1 is 2) of the
        current list, linked to that list."""
        if level not in self._list.styles:
            name = f"{self._list.style_name} {level}"
            style = cast(ParagraphStyle, self._styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH))
            style.base_style = self._styles["Normal"]
            style.next_paragraph_style = style  # Enter at the end of a clause starts the next
            style.quick_style = True
            self._link(style, self._list, level)
            self._list.styles[level] = str(style.style_id)
        return self._list.styles[level]

    def _new_list_name(self, number: str) -> str:
        """The start of the names of a new list's clause styles: "Appendix 2 clause" for an
        appendix's first list, else "Section 5 clause" or "Appendix 2 from 5 clause" after the
        number the list starts at."""
        if self._appendix is None:
            where = f"Section {number}"
        elif self._lists_in_appendix == 0:
            where = self._appendix
        else:
            where = f"{self._appendix} from {number}"
        if self._appendix is not None:
            self._lists_in_appendix += 1
        name, copies = f"{where} clause", 1
        while name in self._list_names:  # two appendices of one name: unlikely, but possible
            copies += 1
            name = f"{where} ({copies}) clause"
        self._list_names.add(name)
        return name

    def _next(self, level: int) -> list[int] | None:
        """The number Word would give the next paragraph at `level` of the current list: the
        levels above show their last numbers, this one counts on. None where that would
        depend on a level above not used yet, or on one this list writes as text."""
        fixed = len(self._fixed)
        seen = self._counters + [None] * LEVELS
        above = seen[fixed:level]
        if level < fixed or None in above:
            return None
        last = seen[level]
        first = self._start if level == fixed else 1
        return [*self._fixed, *cast(list[int], above), first if last is None else last + 1]

    def _link(
        self, style: ParagraphStyle, numbers: _List, level: int, *, reverse: bool = True
    ) -> None:
        """Number `style` at `level` of the list `numbers`; with `reverse`, the level names the
        style too, as Word's "link level to style" does."""
        _set_num(style.element.get_or_add_pPr(), numbers.num_id, level)
        if reverse:
            lvl_text = numbers.levels[level].find(qn("w:lvlText"))
            assert lvl_text is not None
            lvl_text.addprevious(OxmlElement("w:pStyle", {qn("w:val"): style.style_id}))

    def _new_list(self, fixed: Sequence[int], start: int) -> tuple[int, list[BaseOxmlElement]]:
        """A new multi-level list that starts at `start` at the level below the numbers `fixed`,
        which its levels write as text: its numId and its levels."""
        abstracts = self._numbering.findall(qn("w:abstractNum"))
        abstract_id = 1 + max(
            (int(a.get(qn("w:abstractNumId"), "0")) for a in abstracts), default=-1
        )
        abstract = OxmlElement("w:abstractNum", {qn("w:abstractNumId"): str(abstract_id)})
        abstract.append(OxmlElement("w:nsid", {qn("w:val"): f"1C5A{abstract_id:04X}"}))
        abstract.append(OxmlElement("w:multiLevelType", {qn("w:val"): "multilevel"}))
        levels = [_level(k, start if k == len(fixed) else 1, fixed) for k in range(LEVELS)]
        abstract.extend(levels)
        if abstracts:
            abstracts[-1].addnext(abstract)  # every abstractNum comes before the first num
        else:
            self._numbering.insert(0, abstract)
        num = self._numbering.add_num(abstract_id)
        return int(num.numId), levels


def _level(level: int, start: int, fixed: Sequence[int]) -> BaseOxmlElement:
    """A level of a clause list: "%1.%2.%3" for level 2 ("6.%2.%3" with 6 `fixed`), the number
    bold in the margin."""
    indent = Twips(NUMBER_WIDTH.twips + DEEPER.twips * max(level - 1, 0)).twips
    element = OxmlElement("w:lvl", {qn("w:ilvl"): str(level)})
    element.append(OxmlElement("w:start", {qn("w:val"): str(start)}))
    element.append(OxmlElement("w:numFmt", {qn("w:val"): "decimal"}))
    written = fixed if level >= len(fixed) else ()
    counted = [f"%{k + 1}" for k in range(len(written), level + 1)]
    text = ".".join([*(str(n) for n in written), *counted])
    element.append(OxmlElement("w:lvlText", {qn("w:val"): text}))
    element.append(OxmlElement("w:lvlJc", {qn("w:val"): "left"}))
    properties = OxmlElement("w:pPr")
    properties.append(
        OxmlElement("w:ind", {qn("w:left"): str(indent), qn("w:hanging"): str(indent)})
    )
    element.append(properties)
    run = OxmlElement("w:rPr")
    run.append(OxmlElement("w:b"))
    element.append(run)
    return element


def _set_num(properties: BaseOxmlElement, num_id: int, level: int | None) -> None:
    """Number a paragraph or style at `level` of list `num_id` (0: not numbered)."""
    num_pr = properties.get_or_add_numPr()
    if level is not None:
        num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


# --- Contents --------------------------------------------------------------------------------


def _contents_entries(tokens: Sequence[Token]) -> list[tuple[int, str]]:
    """The headings a table of contents of levels 1 to 3 lists: (level, text)."""
    levels = {"h2": 1, "h3": 2, "h4": 3}
    return [
        (levels[token.tag], _plain(tokens[index + 1]))
        for index, token in enumerate(tokens[:-1])
        if token.type == "heading_open" and token.tag in levels
    ]


def _contents(word: WordDocument, entries: Sequence[tuple[int, str]]) -> None:
    """A table of contents field, on pages of its own, that Word fills in on opening. Until
    then (and in programs that do not update fields) it lists the headings, without pages."""
    # The title and the cover have the first page to themselves.
    _add_paragraph(word, "TOCHeading", "Contents").paragraph_format.page_break_before = True
    styles = {level: _contents_style(word, level) for level, _ in entries}
    paragraphs = [_add_paragraph(word, styles[level]) for level, _ in entries]
    _field_start(paragraphs[0], CONTENTS_FIELD)
    for paragraph, (_, text) in zip(paragraphs, entries, strict=True):
        paragraph.add_run(text)
    _field_end(paragraphs[-1])
    paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _contents_style(word: WordDocument, level: int) -> str:
    """The id of Word's own "toc 1" ... style, which the template leaves for Word to make."""
    name = f"toc {level}"
    if name in word.styles:
        return str(word.styles[name].style_id)
    style = cast(ParagraphStyle, word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=True))
    style.base_style = word.styles["Normal"]
    style.paragraph_format.left_indent = DEEPER * (level - 1)
    style.paragraph_format.space_after = Pt(4)
    return str(style.style_id)


# --- Tables ----------------------------------------------------------------------------------


def _add_table(word: WordDocument, table: _Table) -> None:
    columns = max((len(row) for row in table.rows), default=0)
    if not columns:
        return
    widths = column_widths([[_plain(cell) for cell in row] for row in table.rows], USABLE_WIDTH)
    grid = word.add_table(rows=len(table.rows), cols=columns)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fix_widths(grid, widths)
    for r, (row, cells) in enumerate(zip(grid.rows, table.rows, strict=True)):
        header = r < table.header_rows
        for cell, cell_token, width in zip(row.cells, cells, widths, strict=False):
            cell.width = Twips(width)
            paragraph = cell.paragraphs[0]
            spacing = paragraph.paragraph_format
            spacing.space_before = spacing.space_after = Pt(2)
            _runs(paragraph, _inline(cell_token))
            if header:
                for run in paragraph.runs:
                    run.bold = True
        _keep_row_together(row._tr, repeat=header)
    word.add_paragraph()


def column_widths(cells: Sequence[Sequence[str]], usable: int) -> list[int]:
    """Column widths in twips that add up to `usable` and fit the cells' text.

    Each column is wide enough for its longest word where the page allows, and the room left
    goes to the columns whose text would otherwise wrap most. If every cell fits on one line,
    the columns share the page in proportion to their longest text.
    """
    columns = max(len(row) for row in cells)
    shortest = [CELL_PADDING] * columns  # the longest word on one line
    natural = [CELL_PADDING] * columns  # the longest cell on one line
    for row in cells:
        for c, text in enumerate(row):
            longest_word = max((len(word) for word in text.split()), default=0)
            shortest[c] = max(shortest[c], CELL_PADDING + WIDE_CHARACTER * longest_word)
            natural[c] = max(natural[c], shortest[c], CELL_PADDING + CHARACTER * len(text))
    if sum(natural) <= usable:
        base, weights = natural, natural
    elif sum(shortest) <= usable:
        base, weights = shortest, [n - s for n, s in zip(natural, shortest, strict=True)]
    else:  # some words are wider than the page allows: shrink them all alike
        base, weights = [0] * columns, shortest
    spare, total = usable - sum(base), sum(weights)
    widths = [b + spare * w // total for b, w in zip(base, weights, strict=True)]
    widths[-1] += usable - sum(widths)
    return widths


def _fix_widths(grid: Table, widths: Sequence[int]) -> None:
    """A fixed layout, so Word keeps the widths: each column as `widths` says, and the table
    as wide as they add up to."""
    grid.autofit = False
    table_width = grid._tbl.tblPr.find(qn("w:tblW"))
    if table_width is not None:
        table_width.set(qn("w:type"), "dxa")
        table_width.set(qn("w:w"), str(sum(widths)))
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Twips(width)


def _keep_row_together(row_xml: BaseOxmlElement, *, repeat: bool) -> None:
    """A row that never splits across pages; with `repeat`, a header row that repeats at the
    top of each page the table runs onto."""
    properties = row_xml.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))  # the schema puts cantSplit first
    if repeat:
        properties.append(OxmlElement("w:tblHeader"))


# --- Header and footer -----------------------------------------------------------------------


def _page_furniture(word: WordDocument, draft: bool) -> None:
    """Page numbers in the footer; DRAFT in the header of every page of a draft."""
    section = word.sections[0]
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")
    if draft:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = header.add_run("DRAFT: not approved")
        run.bold = True
        run.font.size = Pt(14)
        run.font.color.rgb = DRAFT_RED


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when laying out pages;
    `shown` until then."""
    _field_start(paragraph, instruction)
    paragraph.add_run(shown)
    _field_end(paragraph)


def _field_start(paragraph: Paragraph, instruction: str) -> None:
    paragraph.add_run()._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "begin"}))
    code = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    paragraph.add_run()._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "separate"}))


def _field_end(paragraph: Paragraph) -> None:
    paragraph.add_run()._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "end"}))
