"""`icslint render`: the documents boards approve, in Markdown, HTML, Word and PDF."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

from conftest import EXAMPLES, ROOT, run

GOLDEN = ROOT / "tests" / "golden"
ICB = EXAMPLES / "valid" / "severnmoor-icb-constitution.yaml"
ICP = EXAMPLES / "valid" / "severnmoor-icp-terms-of-reference.yaml"
VALID = {"icb": ICB, "icp": ICP}

ICB_SECTIONS = [
    "1 Introduction",
    "2 Composition of the board",
    "3 Appointments process for the board",
    "4 Arrangements for the exercise of functions",
    "5 Procedures for making decisions",
    "6 Conflicts of interest and standards of business conduct",
    "7 Accountability and transparency",
    "8 Terms and conditions of employees",
    "9 Public involvement",
    "Appendix 1: Definitions",
    "Appendix 2: Standing orders",
]
ICP_SECTIONS = [
    "1 Establishment and legal status",
    "2 Purpose",
    "3 Membership",
    "4 Chair",
    "5 Quorum and decisions",
    "6 Meetings in public",
    "7 The integrated care strategy",
    "8 Review",
]
SECTIONS = {"icb": ICB_SECTIONS, "icp": ICP_SECTIONS}
CLAUSE = re.compile(r"^\d+(\.\d+)+\t")


def render(source: Path, output: Path, *extra: str) -> tuple[int, str, str]:
    return run("render", str(source), "-o", str(output), *extra)


def need(program: str) -> str:
    """The path of a system program the test drives; in CI its absence is a failure."""
    found = shutil.which(program)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{program} is not installed; .ci/run installs it")
        pytest.skip(f"{program} is not installed")
    return found


def pdf_text(data: bytes) -> tuple[int, list[str]]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), [page.extract_text() for page in reader.pages]


# --- Markdown and HTML: golden files, reviewed as diffs -------------------------------------


@pytest.mark.parametrize("suffix", ["md", "html"])
@pytest.mark.parametrize("name", ["icb", "icp"])
def test_golden(name: str, suffix: str, tmp_path: Path, update_golden: bool) -> None:
    output = tmp_path / f"out.{suffix}"
    code, _, err = render(VALID[name], output)
    assert code == 0, err
    golden = GOLDEN / f"{VALID[name].stem}.{suffix}"
    if update_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_bytes(output.read_bytes())
    assert output.read_text(encoding="utf-8") == golden.read_text(encoding="utf-8"), (
        f"rendering changed; if intended, run pytest --update-golden and review {golden}"
    )


@pytest.mark.parametrize("name", ["icb", "icp"])
def test_markdown_has_the_model_structure(name: str, tmp_path: Path) -> None:
    output = tmp_path / "out.md"
    assert render(VALID[name], output)[0] == 0
    headings = [line[3:] for line in output.read_text().splitlines() if line.startswith("## ")]
    assert headings == SECTIONS[name]


def test_html_is_one_self_contained_page(tmp_path: Path) -> None:
    output = tmp_path / "out.html"
    assert render(ICB, output)[0] == 0
    html = output.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)  # nothing fetched
    assert "<style>" in html
    assert "<title>NHS Severnmoor Integrated Care Board: Constitution</title>" in html


# --- Word ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["icb", "icp"])
def test_docx_headings_clauses_and_table(name: str, tmp_path: Path) -> None:
    output = tmp_path / "out.docx"
    assert render(VALID[name], output)[0] == 0
    word = open_docx(str(output))
    paragraphs = word.paragraphs
    titles = [p.text for p in paragraphs if p.style is not None and p.style.name == "Title"]
    assert len(titles) == 1
    heading_1 = [p.text for p in paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert heading_1 == SECTIONS[name]
    heading_2 = [p.text for p in paragraphs if p.style is not None and p.style.name == "Heading 2"]
    assert heading_2[0].startswith("1.1 ")
    clauses = [p.text for p in paragraphs if CLAUSE.match(p.text)]
    assert len(clauses) >= 40
    first = next(p for p in paragraphs if CLAUSE.match(p.text))
    assert first.runs[0].bold  # the clause number
    assert first.paragraph_format.first_line_indent < 0  # hanging indent
    assert word.tables, "expected a table of board seats or members"


def test_docx_table_of_board_seats(tmp_path: Path) -> None:
    output = tmp_path / "out.docx"
    assert render(ICB, output)[0] == 0
    table = open_docx(str(output)).tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    assert header[0] == "Seat"
    seats = [row.cells[0].text for row in table.rows[1:]]
    assert "Chair" in seats and "Chief Executive" in seats
    assert "Partner Member (primary medical services)" in seats
    assert table.style is not None and table.style.name == "Table Grid"


def test_libreoffice_opens_the_docx(tmp_path: Path) -> None:
    soffice = need("soffice")
    output = tmp_path / "constitution.docx"
    assert render(ICB, output)[0] == 0
    profile = tmp_path / "lo-profile"
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "lo"),
            str(output),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    converted = tmp_path / "lo" / "constitution.pdf"
    assert done.returncode == 0 and converted.exists(), done.stderr
    pages, text = pdf_text(converted.read_bytes())
    assert pages >= 3
    assert "2 Composition of the board" in "".join(text)


# --- PDF ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["icb", "icp"])
def test_pdf_text_and_pages(name: str, tmp_path: Path) -> None:
    output = tmp_path / "out.pdf"
    code, _, err = render(VALID[name], output)
    assert code == 0, err
    pages, text = pdf_text(output.read_bytes())
    whole = "\n".join(text)
    for heading in SECTIONS[name]:
        assert heading in whole
    assert 3 <= pages <= 60
    assert f"Page {pages} of {pages}" in text[-1]
    assert "DRAFT" not in whole


def test_draft_pdf_says_draft_on_every_page_and_lists_findings(tmp_path: Path) -> None:
    source = EXAMPLES / "invalid" / "icb-board-composition.yaml"
    output = tmp_path / "draft.pdf"
    code, _, err = render(source, output, "--draft")
    assert code == 0, err
    pages, text = pdf_text(output.read_bytes())
    assert pages >= 2
    assert all("DRAFT: not approved" in page for page in text)
    assert "Annex: open findings" in text[-1]
    for code in ("ICB011", "ICB015", "ICB016"):
        assert code in text[-1]


# --- Chromium -------------------------------------------------------------------------------


def test_html_renders_in_headless_chromium(tmp_path: Path) -> None:
    chromium = need("chromium")
    page = tmp_path / "page.html"
    assert render(ICB, page)[0] == 0
    printed = tmp_path / "printed.pdf"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ]
    done = subprocess.run(
        [chromium, *flags, "--no-pdf-header-footer", f"--print-to-pdf={printed}", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    pages, text = pdf_text(printed.read_bytes())
    whole = "\n".join(text)
    assert pages >= 3
    for heading in ICB_SECTIONS:
        assert heading in whole
    dom = subprocess.run(
        [chromium, *flags, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert dom.returncode == 0, dom.stderr
    assert "<h2>2 Composition of the board</h2>" in dom.stdout
    assert "<script" not in dom.stdout


# --- Literal text: nothing in a document is markup or template code --------------------------

HOSTILE = "<script>alert(1)</script> {{ 7 * 7 }} {% if x %}"


def hostile_document(tmp_path: Path) -> Path:
    text = ICB.read_text(encoding="utf-8")
    text = text.replace(
        "establishment_order_ref: The Integrated Care Boards (Establishment) Order 2022, as "
        "varied in 2023",
        f"establishment_order_ref: '{HOSTILE}'",
    )
    text = text.replace("title: Chief Nursing Officer", f"title: '{HOSTILE}'")
    assert text.count(HOSTILE) == 2
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_markup_in_the_document_stays_literal_in_every_format(tmp_path: Path) -> None:
    source = hostile_document(tmp_path)
    outputs = {}
    for suffix in ("md", "html", "docx", "pdf"):
        outputs[suffix] = tmp_path / f"out.{suffix}"
        code, _, err = render(source, outputs[suffix], "--draft")
        assert code == 0, err

    markdown = outputs["md"].read_text(encoding="utf-8")
    assert r"\<script>alert(1)\</script> {{ 7 \* 7 }} {% if x %}" in markdown
    assert "49" not in markdown

    html = outputs["html"].read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7 * 7 }} {% if x %}" in html
    assert "<script" not in html

    word = open_docx(str(outputs["docx"]))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    texts = [p.text for p in word.paragraphs] + cells
    assert any(HOSTILE in text for text in texts)

    _, pages = pdf_text(outputs["pdf"].read_bytes())
    flat = " ".join(" ".join(pages).split())
    assert "<script>alert(1)</script> {{ 7 * 7 }} {% if x %}" in flat


# --- The command: refusing, drafts, never overwriting -----------------------------------------


def test_errors_refuse_rendering_and_list_the_findings(tmp_path: Path) -> None:
    source = EXAMPLES / "invalid" / "icb-board-composition.yaml"
    output = tmp_path / "out.docx"
    code, out, err = render(source, output)
    assert code == 1
    assert "ICB011" in err
    assert "not rendered:" in err and "--draft" in err
    assert not output.exists()
    assert out == ""


def test_invalid_yaml_cannot_be_rendered_even_as_a_draft(tmp_path: Path) -> None:
    source = EXAMPLES / "invalid" / "icb-duplicate-key.yaml"
    output = tmp_path / "out.md"
    code, _, err = render(source, output, "--draft")
    assert code == 1
    assert "ICL001" in err and "is not a valid document" in err
    assert not output.exists()


@pytest.mark.parametrize("suffix", ["md", "html", "docx", "pdf"])
def test_existing_output_is_left_byte_for_byte_unchanged(suffix: str, tmp_path: Path) -> None:
    output = tmp_path / f"board-papers.{suffix}"
    original = b"the secretary's own file \x00\xff"
    output.write_bytes(original)
    code, _, err = render(ICB, output)
    assert code == 2
    assert "already exists; use --force" in err
    assert output.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == [output.name]  # no temporary files left


def test_force_replaces_the_output(tmp_path: Path) -> None:
    output = tmp_path / "out.md"
    output.write_text("old")
    code, _, _ = render(ICB, output, "--force")
    assert code == 0
    assert output.read_text(encoding="utf-8").startswith("# NHS Severnmoor Integrated Care Board")


def test_format_option_and_stdout(tmp_path: Path) -> None:
    code, out, _ = run("render", str(ICP), "-o", "-", "--format", "html")
    assert code == 0 and out.startswith("<!DOCTYPE html>")
    code, _, err = run("render", str(ICP), "-o", "-", "--format", "pdf")
    assert code == 2 and "cannot go to stdout" in err


def test_unknown_output_suffix_exits_2(tmp_path: Path) -> None:
    code, _, err = render(ICB, tmp_path / "out.txt")
    assert code == 2
    assert "cannot tell the format from 'out.txt'" in err


def test_missing_input_exits_2(tmp_path: Path) -> None:
    code, _, err = render(tmp_path / "nope.yaml", tmp_path / "out.md")
    assert code == 2 and "nope.yaml" in err


def test_a_bare_document_renders_as_a_draft(tmp_path: Path) -> None:
    for kind in ("icb-constitution", "icp-terms-of-reference"):
        source = tmp_path / f"{kind}.yaml"
        source.write_text(f"kind: {kind}\nschema_version: 1\n")
        for suffix in ("md", "docx"):
            code, _, err = render(source, tmp_path / f"{kind}.{suffix}", "--draft")
            assert code == 0, err


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "{{ 7 * 7 }} {% raw %}",
        "1. not a list",
        "2) nor this",
        "1.3",
        "- not a bullet",
        "+ nor this",
        "# not a heading",
        "> not a quotation",
        "=== not an underline",
        "A&E and &amp; and &#35;",
        "*not emphasis* _nor this_ `nor code`",
        "[not a link](https://example.org) ![nor an image](x.png)",
        "a | b | c",
        "back\\slash \\*",
        "~~not struck~~",
        "<https://example.org> <b>bold</b>",
    ],
)
def test_escaped_text_renders_as_itself(text: str) -> None:
    from icslint.render.blocks import parser
    from icslint.render.markdown import escape_markdown

    tokens = parser().parse(escape_markdown(text))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children or []
    assert {c.type for c in children} <= {"text"}
    assert "".join(c.content for c in children) == text


def test_render_checks_with_the_same_suppressions_as_check(tmp_path: Path) -> None:
    source = tmp_path / "chair.yaml"
    text = (EXAMPLES / "invalid" / "icb-chair-and-chief-executive.yaml").read_text()
    header = "".join(
        f"# icslint: disable-file={code} -- agreed with NHS England\n"
        for code in ("ICB051", "ICB060", "ICB061")
    )
    source.write_text(header + text)
    assert run("check", str(source))[0] == 0
    code, _, err = render(source, tmp_path / "out.md")
    assert code == 0, err


def test_long_names_and_control_characters_render_in_every_format(tmp_path: Path) -> None:
    text = ICB.read_text(encoding="utf-8").replace(
        "  name: NHS Severnmoor Integrated Care Board",
        '  name: "NHS Severn\\x01moor ' + "Vale " * 60 + 'Integrated Care Board"',
    )
    source = tmp_path / "odd.yaml"
    source.write_text(text, encoding="utf-8")
    for suffix in ("md", "html", "docx", "pdf"):
        code, _, err = render(source, tmp_path / f"out.{suffix}", "--draft")
        assert code == 0, err
    assert "NHS Severn\ufffdmoor Vale" in (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "\x01" not in (tmp_path / "out.html").read_text(encoding="utf-8")
    word = open_docx(str(tmp_path / "out.docx"))
    assert word.paragraphs[0].text.startswith("NHS Severn\ufffdmoor Vale")
    assert len(word.core_properties.title) == 255


def test_force_keeps_the_replaced_file_permissions_and_links(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert render(ICB, link, "--force")[0] == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("# NHS Severnmoor")
    assert target.stat().st_mode & 0o777 == 0o640
