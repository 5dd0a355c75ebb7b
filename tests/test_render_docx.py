"""`icslint render -o doc.docx`: a Word file a board can sign.

A4 in British English, the document's own properties, clause numbers that are Word's list
numbering (and equal the Markdown's), tables that fit the page, a table of contents and page
numbers. Numbers are checked as Word computes them from numbering.xml, and as LibreOffice
shows them.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.document import Document as WordDocument
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt
from markdown_it.token import Token

from conftest import EXAMPLES, ROOT, run
from icslint.loader import load
from icslint.render import OutputFormat
from icslint.render.docx import column_widths, render_docx
from icslint.render.facts import DocumentFacts
from icslint.render.formats import render
from test_render import need

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
ICB = EXAMPLES / "valid" / "severnmoor-icb-constitution.yaml"
LOCAL_CLAUSES = ROOT / "tests" / "data" / "severnmoor-icb-constitution-local-clauses.yaml"
EVERY_EXAMPLE = sorted((EXAMPLES / "valid").glob("*.yaml")) + sorted(
    (EXAMPLES / "variants").glob("*.yaml")
)
DAY = dt.date(2025, 5, 1)
# A4 less Word's British margins of 2.54 cm (1440 twips) each side.
A4_WIDTH, A4_HEIGHT, MARGIN = 11906, 16838, 1440
USABLE = A4_WIDTH - 2 * MARGIN


@functools.cache
def rendered(source: Path, draft: bool = False) -> tuple[str, bytes]:
    """The Markdown and the Word file of an example, as made on DAY."""
    return rendered_text(source.read_text(encoding="utf-8"), str(source), draft)


def rendered_text(text: str, name: str, draft: bool = False) -> tuple[str, bytes]:
    """The Markdown and the Word file of the document `text`, as made on DAY."""
    document = load(text, name).document
    assert document is not None
    markdown = render(document, OutputFormat.md, draft=draft, today=DAY).decode("utf-8")
    return markdown, render(document, OutputFormat.docx, draft=draft, today=DAY)


def word_of(data: bytes) -> WordDocument:
    return open_docx(io.BytesIO(data))


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name).decode("utf-8")


# --- What Word will show ------------------------------------------------------------------


def shown_numbers(word: WordDocument) -> list[tuple[Paragraph, str]]:
    """Each numbered paragraph and the number Word shows for it, computed from numbering.xml
    and the paragraphs the way Word counts: each level counts on from its previous number in
    the same list (or starts at its start value) and the levels below it restart. A number
    that shows a level not used yet in its list fails: Word and LibreOffice differ on it."""
    numbering = word.part.numbering_part.element
    nums = {n.get(f"{W}numId"): n for n in numbering.iterfind(f"{W}num")}
    lists = {a.get(f"{W}abstractNumId"): a for a in numbering.iterfind(f"{W}abstractNum")}
    counters: dict[str, dict[int, int]] = {}
    shown = []
    for paragraph in word.paragraphs:
        found = list_of(paragraph)
        if found is None:
            continue
        num_id, level = found
        num = nums[num_id]
        assert num.find(f"{W}lvlOverride") is None  # not modelled here; not written either
        abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
        levels = {int(lvl.get(f"{W}ilvl")): lvl for lvl in lists[abstract_id].iterfind(f"{W}lvl")}
        if levels[level].find(f"{W}numFmt").get(f"{W}val") == "bullet":
            continue  # a bulleted list
        for lvl in levels.values():
            assert lvl.find(f"{W}numFmt").get(f"{W}val") == "decimal"
            assert lvl.find(f"{W}lvlRestart") is None  # restart after any level above
        starts = {k: int(lvl.find(f"{W}start").get(f"{W}val")) for k, lvl in levels.items()}
        seen = counters.setdefault(abstract_id, {})
        seen[level] = seen[level] + 1 if level in seen else starts[level]
        for deeper in [k for k in seen if k > level]:
            del seen[deeper]
        text = levels[level].find(f"{W}lvlText").get(f"{W}val")
        shown.append((paragraph, fill(text, seen)))
    return shown


def fill(text: str, values: dict[int, int]) -> str:
    """A level's text with its placeholders filled in: "%1.%2" with {0: 2, 1: 3} is "2.3";
    KeyError for a level not used yet."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m[1]) - 1]), text)


def list_of(paragraph: Paragraph) -> tuple[str, int] | None:
    """(numId, level) of a numbered paragraph, from its own properties or its style's."""
    elements = [paragraph._p]
    style = paragraph.style
    while style is not None:
        elements.append(style.element)
        style = style.base_style
    for element in elements:
        num_pr = element.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            num_id = num_pr.find(f"{W}numId").get(f"{W}val")
            if num_id == "0":
                return None
            level = num_pr.find(f"{W}ilvl")
            return num_id, int(level.get(f"{W}val")) if level is not None else 0
    return None


def markdown_numbers(markdown: str) -> list[tuple[str, str]]:
    """(number, text) of each numbered heading and clause in the Markdown, in order: a heading
    "## 2 Name" or "### 2.1 Name", and a paragraph that starts "2.1.3 "."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    numbered = []
    for index, token in enumerate(tokens[:-1]):
        text = plain(tokens[index + 1])
        heading = token.type == "heading_open" and token.tag != "h1"
        clause = token.type == "paragraph_open" and token.level == 0
        match = re.match(r"(\d+(?:\.\d+)*) " if heading else r"(\d+(?:\.\d+)+) ", text)
        if (heading or clause) and match:
            numbered.append((match[1], text[match.end() :]))
    return numbered


def plain(inline: Token) -> str:
    parts = {"text": None, "code_inline": None, "softbreak": " ", "hardbreak": "\n"}
    return "".join(
        child.content if parts[child.type] is None else parts[child.type]
        for child in inline.children or ()
        if child.type in parts
    )


# --- The page and the language --------------------------------------------------------------


def test_the_page_is_a4_and_the_language_british_english() -> None:
    _, data = rendered(ICB)
    section = word_of(data).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (A4_WIDTH, A4_HEIGHT)
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    assert [m.twips for m in margins] == [MARGIN] * 4
    styles = part(data, "word/styles.xml")
    assert '<w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/>' in styles  # defaults
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                assert "en-US" not in re.sub(
                    r'w:eastAsia="en-US"', "", package.read(name).decode()
                ), name
    settings = part(data, "word/settings.xml")
    assert '<w:themeFontLang w:val="en-GB" w:eastAsia="ja-JP"/>' in settings
    assert "<w:proofState" not in settings  # Word checks the spelling itself
    assert word_of(data).core_properties.language == "en-GB"


# --- Properties -----------------------------------------------------------------------------


def test_the_properties_are_the_documents_own() -> None:
    _, data = rendered(ICB)
    core = word_of(data).core_properties
    assert core.title == "NHS Severnmoor Integrated Care Board: Constitution"
    assert core.subject == "Constitution of NHS Severnmoor Integrated Care Board"
    assert core.author == core.last_modified_by == "NHS Severnmoor Integrated Care Board"
    made = dt.datetime(2025, 5, 1, tzinfo=dt.UTC)
    assert core.created == core.modified == made
    assert (core.revision, core.category, core.version) == (1, "Constitution", "2.1")
    assert core.comments == ""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        properties = [n for n in package.namelist() if n.startswith("docProps/")]
        assert sorted(properties) == ["docProps/app.xml", "docProps/core.xml"]  # no thumbnail
        for name in properties:
            text = package.read(name).decode("utf-8")
            for word in ("python-docx", "2013", "Microsoft", "Normal.dotm"):
                assert word not in text, (name, word)
    app = part(data, "docProps/app.xml")
    assert "<Application>icslint</Application>" in app
    assert "<Company>NHS Severnmoor Integrated Care Board</Company>" in app


def test_a_document_naming_no_body_has_no_author() -> None:
    facts = DocumentFacts(
        title="Constitution",
        body=None,
        kind="Constitution",
        version=None,
        effective=None,
        approval=None,
        generated=DAY,
        draft=True,
    )
    data = render_docx("# Constitution\n\n## 1 Name\n\n1.1 Text.\n", facts)
    core = word_of(data).core_properties
    assert (core.author, core.last_modified_by, core.subject) == ("", "", "Constitution")
    assert (core.version, core.content_status) == ("", "Draft")
    assert "<Company" not in part(data, "docProps/app.xml")


# --- Numbering ------------------------------------------------------------------------------


def test_clause_and_section_styles_are_linked_to_one_multi_level_list() -> None:
    _, data = rendered(ICB)
    word = word_of(data)
    numbering = word.part.numbering_part.element
    linked = {}
    for name, level in (("Heading 1", 0), ("Clause 1", 1), ("Clause 2", 2), ("Clause 3", 3)):
        num_pr = word.styles[name].element.find(f"{W}pPr/{W}numPr")
        assert num_pr is not None, name
        assert num_pr.find(f"{W}ilvl").get(f"{W}val") == str(level)
        linked[name] = num_pr.find(f"{W}numId").get(f"{W}val")
    num_id = linked["Heading 1"]
    assert num_id != "0" and set(linked.values()) == {num_id}
    num = numbering.find(f"{W}num[@{W}numId='{num_id}']")
    abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
    abstract = numbering.find(f"{W}abstractNum[@{W}abstractNumId='{abstract_id}']")
    levels = abstract.findall(f"{W}lvl")
    assert [lvl.find(f"{W}lvlText").get(f"{W}val") for lvl in levels[:4]] == [
        "%1",
        "%1.%2",
        "%1.%2.%3",
        "%1.%2.%3.%4",
    ]
    style_ids = {name: word.styles[name].style_id for name in linked}
    assert [lvl.find(f"{W}pStyle").get(f"{W}val") for lvl in levels[:4]] == list(style_ids.values())


@pytest.mark.parametrize(
    ("source", "draft"),
    [(source, False) for source in EVERY_EXAMPLE] + [(ICB, True)],  # a draft has an annex
    ids=[source.stem for source in EVERY_EXAMPLE] + ["draft"],
)
def test_words_numbers_are_the_markdowns(source: Path, draft: bool) -> None:
    markdown, data = rendered(source, draft)
    expected = markdown_numbers(markdown)
    assert len(expected) > 50
    shown = [(number, paragraph.text) for paragraph, number in shown_numbers(word_of(data))]
    # The number is Word's alone: the text after it is the Markdown's, with no typed number.
    assert shown == expected


def test_a_clause_added_in_word_renumbers_the_clauses_after_it() -> None:
    _, data = rendered(ICB)
    word = word_of(data)
    before = shown_numbers(word)
    target = next(paragraph for paragraph, number in before if number == "2.1.2")
    target.insert_paragraph_before("A clause added in Word.", style="Clause 2")
    expected = []
    for paragraph, number in before:
        if paragraph._p is target._p:
            expected.append(("2.1.2", "A clause added in Word."))
        expected.append((moved_on(number), paragraph.text))
    after = [(number, paragraph.text) for paragraph, number in shown_numbers(word)]
    assert after == expected
    assert ("2.1.12", before[[n for _, n in before].index("2.1.11")][0].text) in after
    assert ("2.2.1", before[[n for _, n in before].index("2.2.1")][0].text) in after


def moved_on(number: str) -> str:
    """A number after a clause added before 2.1.2: 2.1.2 becomes 2.1.3, 2.1.2.1 2.1.3.1."""
    parts = [int(p) for p in number.split(".")]
    if parts[:2] == [2, 1] and len(parts) > 2 and parts[2] >= 2:
        parts[2] += 1
    return ".".join(str(p) for p in parts)


def libreoffice_text(documents: dict[str, bytes], folder: Path) -> dict[str, list[str]]:
    """Each Word file as LibreOffice shows it, converted to text: its lines, stripped."""
    soffice = need("soffice")
    folder.mkdir()
    for name, data in documents.items():
        (folder / f"{name}.docx").write_bytes(data)
    converted = folder / "txt"
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
            str(converted),
            *(str(folder / f"{name}.docx") for name in documents),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return {
        name: [
            line.strip() for line in (converted / f"{name}.txt").read_text("utf-8-sig").splitlines()
        ]
        for name in documents
    }


def body_of(lines: list[str], markdown: str) -> list[str]:
    """The lines after the table of contents, which lists each heading of levels 2 to 4."""
    entries = len(re.findall(r"^#{2,4} ", markdown, flags=re.MULTILINE))
    return lines[lines.index("Contents") + 1 + entries :]


def in_order(expected: list[str], lines: list[str]) -> list[str]:
    """The expected lines that are not found in `lines` in the same order (none, if all are)."""
    remaining = iter(lines)
    return [line for line in expected if not any(seen == line for seen in remaining)]


def test_libreoffice_shows_the_markdowns_numbers(tmp_path: Path) -> None:
    documents = {source.stem: rendered(source)[1] for source in EVERY_EXAMPLE}
    texts = libreoffice_text(documents, tmp_path / "lo")
    for source in EVERY_EXAMPLE:
        markdown = rendered(source)[0]
        expected = [f"{number} {text}" for number, text in markdown_numbers(markdown)]
        assert in_order(expected, body_of(texts[source.stem], markdown)) == [], source.stem


def test_libreoffice_renumbers_a_clause_added_in_word(tmp_path: Path) -> None:
    markdown, data = rendered(ICB)
    word = word_of(data)
    shown = shown_numbers(word)
    numbered: dict[str, str] = {}
    for paragraph, number in shown:  # the main text's, not an appendix's 2.2
        numbered.setdefault(number, paragraph.text)
    target = next(paragraph for paragraph, number in shown if number == "2.1.2")
    target.insert_paragraph_before("A clause added in Word.", style="Clause 2")
    buffer = io.BytesIO()
    word.save(buffer)
    lines = libreoffice_text({"edited": buffer.getvalue()}, tmp_path / "lo")["edited"]
    expected = [
        f"2.1.1 {numbered['2.1.1']}",
        "2.1.2 A clause added in Word.",
        f"2.1.3 {numbered['2.1.2']}",
        f"2.1.12 {numbered['2.1.11']}",
        f"2.2 {numbered['2.2']}",
        f"2.2.1 {numbered['2.2.1']}",
    ]
    assert in_order(expected, body_of(lines, markdown)) == []


@functools.cache
def odd_sections() -> tuple[str, bytes]:
    """The ICB example with its sections numbered 1, 3, 5 ... 17, not 1 to 9."""
    text = re.sub(
        r'number: "(\d)"',
        lambda m: f'number: "{2 * int(m[1]) - 1}"',
        ICB.read_text(encoding="utf-8"),
    )
    assert '{number: "3", heading: Composition of the Board of the ICB}' in text
    return rendered_text(text, "odd-sections.yaml")


ADDED = "A clause added in Word."
# Where a clause is added, with the style of the clause it goes before: in Appendix 2 of a
# document with local clauses, before clause 4.2 of its standing orders; in section 3 of a
# document whose sections are numbered 1, 3, 5, before 3.1.2. (The document, the number and
# the opening words of the clause it goes before, that clause's style.)
ADDITIONS = {
    "appendix": (
        LOCAL_CLAUSES,
        "4.2",
        "Meetings of the Board are held in places accessible",
        "Appendix 2 clause 1",
    ),
    "odd-sections": (None, "3.1.2", "", "Section 3 clause 2"),
}


def document_for(case: str) -> tuple[str, bytes]:
    source = ADDITIONS[case][0]
    return rendered(source) if source is not None else odd_sections()


def add_clause(word: WordDocument, number: str, opening: str) -> tuple[str, list[tuple[str, str]]]:
    """Add a clause in `word` before the one numbered `number` that starts with `opening`, in
    that clause's style: the style's name, and the numbers and texts Word should then show,
    with the clauses after it in the same part moved on by one."""
    shown = shown_numbers(word)
    target = next(p for p, n in shown if n == number and p.text.startswith(opening))
    style = target.style.name
    target.insert_paragraph_before(ADDED, style=style)
    prefix = number.split(".")[:-1]
    expected, moving = [], False
    for paragraph, shown_number in shown:
        if paragraph._p is target._p:
            expected.append((number, ADDED))
            moving = True
        parts = shown_number.split(".")
        moving = moving and parts[: len(prefix)] == prefix and len(parts) > len(prefix)
        if moving:
            parts[len(prefix)] = str(int(parts[len(prefix)]) + 1)
        expected.append((".".join(parts), paragraph.text))
    return style, expected


@pytest.mark.parametrize("case", ADDITIONS)
def test_a_clause_added_anywhere_with_its_neighbours_style_renumbers_the_ones_after(
    case: str,
) -> None:
    _, number, opening, style_name = ADDITIONS[case]
    word = word_of(document_for(case)[1])
    style, expected = add_clause(word, number, opening)
    after = [(shown, paragraph.text) for paragraph, shown in shown_numbers(word)]
    assert after == expected
    following = expected[expected.index((number, ADDED)) + 1]
    assert following == ({"appendix": "4.3", "odd-sections": "3.1.3"}[case], following[1])
    # The style a reader sees on the clauses around it names where they are.
    assert style == style_name


def test_libreoffice_renumbers_a_clause_added_anywhere(tmp_path: Path) -> None:
    edited, expected = {}, {}
    for case, (_, number, opening, _) in ADDITIONS.items():
        word = word_of(document_for(case)[1])
        _, expected[case] = add_clause(word, number, opening)
        buffer = io.BytesIO()
        word.save(buffer)
        edited[case] = buffer.getvalue()
    texts = libreoffice_text(edited, tmp_path / "lo")
    missing = {
        case: in_order(
            [f"{n} {text}" for n, text in expected[case]],
            body_of(texts[case], document_for(case)[0]),
        )[:3]
        for case in ADDITIONS
    }
    assert missing == {case: [] for case in ADDITIONS}


# --- Tables ---------------------------------------------------------------------------------


def text_of(element: object) -> str:
    """The text of a table cell (python-docx's elements repeat it in lxml's itertext)."""
    return "".join(t.text or "" for t in element.iter(f"{W}t"))  # type: ignore[attr-defined]


def tables_of(data: bytes) -> list[object]:
    return [table._tbl for table in word_of(data).tables]


def test_tables_fit_the_page_repeat_their_header_and_keep_rows_whole(tmp_path: Path) -> None:
    # A draft with open findings: its annex has a table of long messages, besides the seats.
    output = tmp_path / "draft.docx"
    source = EXAMPLES / "invalid" / "icb-board-composition.yaml"
    code, _, err = run("render", str(source), "-o", str(output), "--draft")
    assert code == 0, err
    tables = tables_of(output.read_bytes()) + tables_of(rendered(ICB)[1])
    assert len(tables) >= 3
    for table in tables:
        assert table.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
        grid = [int(c.get(f"{W}w")) for c in table.findall(f"{W}tblGrid/{W}gridCol")]
        assert sum(grid) == USABLE
        width = table.find(f"{W}tblPr/{W}tblW")
        assert (width.get(f"{W}type"), width.get(f"{W}w")) == ("dxa", str(USABLE))
        rows = table.findall(f"{W}tr")
        for index, row in enumerate(rows):
            assert row.find(f"{W}trPr/{W}cantSplit") is not None
            assert (row.find(f"{W}trPr/{W}tblHeader") is not None) == (index == 0)
            cells = row.findall(f"{W}tc")
            widths = [int(c.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for c in cells]
            assert widths == grid
        for column, width in enumerate(grid):
            words = [
                word for row in rows for word in text_of(row.findall(f"{W}tc")[column]).split()
            ]
            longest = max(words, key=len)
            # About 5 points a character, the cell margins aside.
            assert width >= 100 * len(longest) + 216, (longest, width)


def test_column_widths_share_the_page_and_shrink_only_when_words_cannot_fit() -> None:
    short = column_widths([["Line", "Code"], ["12", "ICB011"]], 9000)
    assert sum(short) == 9000 and short[1] > short[0]
    long = column_widths([["Code", "Finding"], ["ICB011", "word " * 200]], 9000)
    assert sum(long) == 9000 and long[0] == 216 + 140 * len("ICB011")
    impossible = column_widths([["x" * 80, "y" * 80]], 9000)
    assert sum(impossible) == 9000 and impossible[0] == impossible[1] == 4500


# --- Contents, page numbers, DRAFT --------------------------------------------------------


def test_a_table_of_contents_follows_the_title_and_word_fills_it_on_opening() -> None:
    markdown, data = rendered(ICB)
    word = word_of(data)
    body = word.element.body
    paragraphs = body.findall(f"{W}p")
    instructions = [code.text for code in body.iter(f"{W}instrText")]
    assert instructions == [' TOC \\o "1-3" \\h \\z \\u ']
    start = next(i for i, p in enumerate(paragraphs) if p.find(f".//{W}instrText") is not None)
    end = next(
        i
        for i, p in enumerate(paragraphs)
        if p.find(f".//{W}fldChar[@{W}fldCharType='end']") is not None
    )
    styles = [word.paragraphs[i].style.name for i in range(start + 1)]
    assert styles[0] == "Title" and styles[start - 1 : start] == ["TOC Heading"]
    assert "Heading 1" not in styles  # before the first section
    cached = [word.paragraphs[i].text for i in range(start, end + 1)]
    headings = re.findall(r"^#{2,4} (.*)$", markdown, flags=re.MULTILINE)
    assert cached == headings and cached[:2] == ["1 Introduction", "1.1 Background and foreword"]
    assert [word.paragraphs[i].style.name for i in range(start, start + 2)] == ["toc 1", "toc 2"]
    assert '<w:updateFields w:val="true"/>' in part(data, "word/settings.xml")


def test_every_page_has_its_number_and_a_draft_says_draft() -> None:
    _, data = rendered(ICB, draft=True)
    section = word_of(data).sections[0]
    footer = section.footer._element
    assert [code.text for code in footer.iter(f"{W}instrText")] == [" PAGE ", " NUMPAGES "]
    assert section.footer.paragraphs[0].text == "Page 1 of 1"
    assert not section.different_first_page_header_footer
    assert section.header.paragraphs[0].text == "DRAFT: not approved"
    assert word_of(rendered(ICB)[1]).sections[0].header.paragraphs[0].text == ""
