"""`icslint render`: the documents boards approve, in Markdown, HTML, Word and PDF."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

from conftest import EXAMPLES, ROOT, need, run
from icslint.loader import load
from icslint.render.markdown import UNNAMED, compose

GOLDEN = ROOT / "tests" / "golden"
ICB = EXAMPLES / "valid" / "severnmoor-icb-constitution.yaml"
ICP = EXAMPLES / "valid" / "severnmoor-icp-terms-of-reference.yaml"
VALID = {"icb": ICB, "icp": ICP}

# The example lists its sections, so they have its headings, not the model's.
ICB_SECTIONS = [
    "1 Introduction",
    "2 Composition of the Board of the ICB",
    "3 Appointments process for the Board",
    "4 Arrangements for the exercise of our functions",
    "5 Procedures for making decisions",
    "6 Arrangements for conflict of interest management and standards of business conduct",
    "7 Arrangements for ensuring accountability and transparency",
    "8 Arrangements for determining the terms and conditions of employees",
    "9 Arrangements for public involvement",
    "Appendix 1: Definitions of terms used in this constitution",
    "Appendix 2: Standing Orders",
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
# A number typed at the start of a Word paragraph: Word's list numbering shows them instead.
TYPED_NUMBER = re.compile(r"^\d+(\.\d+)*[\t ]")


def render(source: Path, output: Path, *extra: str) -> tuple[int, str, str]:
    return run("render", str(source), "-o", str(output), *extra)


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


@pytest.mark.parametrize(
    "source",
    [*sorted((EXAMPLES / "valid").glob("*.yaml")), *sorted((EXAMPLES / "variants").glob("*.yaml"))],
    ids=lambda path: path.stem,
)
def test_every_clause_is_a_paragraph_of_its_own(source: Path, tmp_path: Path) -> None:
    """Two clauses run together when a template leaves no blank line between them."""
    output = tmp_path / "out.md"
    code, _, err = render(source, output, "--draft")
    assert code == 0, err
    lines = output.read_text(encoding="utf-8").splitlines()
    numbered = [i for i, line in enumerate(lines) if re.match(r"\d+(\.\d+)+ ", line)]
    assert numbered
    joined = [lines[i] for i in numbered if i > 0 and lines[i - 1].strip()]
    assert joined == []


def test_html_is_one_self_contained_page(tmp_path: Path) -> None:
    output = tmp_path / "out.html"
    assert render(ICB, output)[0] == 0
    html = output.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html
    # Nothing fetched: links to web addresses are followed only when the reader chooses.
    assert not re.search(r"""<(?!a )[^>]*(?:src|href)=["']?(?:https?:)?//""", html)
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
    assert heading_1 == [re.sub(r"^\d+ ", "", section) for section in SECTIONS[name]]
    heading_2 = [p.text for p in paragraphs if p.style is not None and p.style.name == "Heading 2"]
    assert heading_2[0] == {"icb": "Background and foreword", "icp": "Establishment"}[name]
    clauses = [p for p in paragraphs if p.style is not None and p.style.name.startswith("Clause ")]
    assert len(clauses) >= 40
    assert clauses[0].style.name == "Clause 2"  # 1.1.1, numbered by the style's list
    numbered = [p.text for p in clauses] + heading_1 + heading_2
    assert [text for text in numbered if TYPED_NUMBER.match(text)] == []
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
    words = " ".join(" ".join(text).split())  # a long heading may wrap
    assert ICB_SECTIONS[1] in words
    assert "1.1.1 NHS England has established integrated care boards" in words  # Word's number


# --- PDF ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["icb", "icp"])
def test_pdf_text_and_pages(name: str, tmp_path: Path) -> None:
    output = tmp_path / "out.pdf"
    code, _, err = render(VALID[name], output)
    assert code == 0, err
    pages, text = pdf_text(output.read_bytes())
    whole = "\n".join(text)
    flat = " ".join(whole.split())  # a long heading may wrap onto two lines
    for heading in SECTIONS[name]:
        assert heading in flat
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
    start = next(i for i, page in enumerate(text) if "Annex: open findings" in page)
    annex = "\n".join(text[start:])
    for code in ("ICB011", "ICB015", "ICB016"):
        assert code in annex


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
    # Words, not lines: whichever font the system has (Liberation Sans, or DejaVu Sans, which is
    # wider), a long heading may wrap onto two lines.
    words = " ".join(" ".join(text).split())
    assert pages >= 3
    for heading in ICB_SECTIONS:
        assert heading in words
    dom = subprocess.run(
        [chromium, *flags, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert dom.returncode == 0, dom.stderr
    assert '<h2 id="section-2">2 Composition of the Board of the ICB</h2>' in dom.stdout
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


# --- Gaps: the text states only what the file states ------------------------------------------

# Each edit takes one fact out of the valid constitution, or (the count) adds one.
PARTIAL_EDITS = [
    ("      appointed_by: NHS England\n", ""),  # the Chair's appointer
    ("      nominated_by: The providers of primary medical services in the area, jointly\n", ""),
    (
        "      term_years: 3\n      role_spec_ref: Governance Handbook, role specification B9\n",
        "      role_spec_ref: Governance Handbook, role specification B9\n",
    ),
    (
        "delegations:\n  - to: Severnmoor County Council\n    statutory_basis: s65Z5\n"
        "    functions: [Commissioning of community equipment services]\n\n",
        "",
    ),
    ("    - id: nem_people\n", "    - id: nem_people\n      count: 2\n"),
]
PARTIAL_GAPS = [
    "who appoints the Chair (add board.seats[0].appointed_by)",
    "who nominates the Partner Member (primary medical services) "
    "(add board.seats[10].nominated_by)",
    "the term of office of the Partner Member (local authorities) (add board.seats[11].term_years)",
]


def partial_constitution(tmp_path: Path) -> Path:
    text = ICB.read_text(encoding="utf-8")
    for old, new in PARTIAL_EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "partial.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def composed(source: Path, *, draft: bool = False) -> tuple[str, list[str]]:
    """The Markdown and the gaps, rendered without checking (the rules are tested elsewhere)."""
    document = load(source.read_text(encoding="utf-8"), str(source)).document
    assert document is not None
    result = compose(document, draft=draft)
    return result.markdown, [str(gap) for gap in result.gaps]


def ignore_every_rule(tmp_path: Path) -> Path:
    """A configuration that runs no rule, so only the gaps can stop a final render."""
    config = tmp_path / "no-rules.yaml"
    config.write_text("ignore: [ICB, ICP]\n")
    return config


@pytest.mark.parametrize("name", ["icb", "icp"])
def test_the_valid_examples_have_no_gap(name: str) -> None:
    markdown, gaps = composed(VALID[name])
    assert gaps == []
    assert "not stated" not in markdown


def test_no_sentence_is_made_from_absence() -> None:
    markdown, _ = composed(ICB)
    for invented in (
        "has not established any joint committee",
        "has not delegated",
        "While employed in the post",
        "Not applicable",
        "No further approval",
        "access to suitable advice",
        "The Board has 12 members",
    ):
        assert invented not in markdown
    assert not re.search(r"\b\d+\s+are (executive|non-executive|partner) members", markdown)
    assert "| Seat | Category | Voting | Appointed by |" in markdown  # no count, no column


def test_a_partial_constitution_shows_each_gap_in_a_draft(tmp_path: Path) -> None:
    markdown, gaps = composed(partial_constitution(tmp_path), draft=True)
    assert gaps == PARTIAL_GAPS
    # The gaps, where the text needs them ...
    assert (
        "3.3.1 The Chair is appointed by **\\[not stated: who appoints the Chair\\]**\n"
        "(Schedule 1B, paragraph 5 of the 2006 Act).\n"
    ) in markdown
    assert (
        "| Chair | Non-executive |  | yes | **\\[not stated: who appoints the Chair\\]** |\n"
    ) in markdown
    assert (
        "3.6.2 The Partner Member (primary medical services) is nominated by\n"
        "**\\[not stated: who nominates the Partner Member (primary medical services)\\]** "
        "(Schedule 1B, paragraph 8 of the 2006\nAct).\n"
    ) in markdown
    assert (
        "- Partner Member (local authorities): **\\[not stated: the term of office of the "
        "Partner Member (local authorities)\\]**\n"
    ) in markdown
    # ... the one count given, and no total made from the others ...
    assert (
        "| Non-Executive Member (People and Remuneration) | Non-executive | 2 | yes |" in markdown
    )
    assert "2.2.1 The members of the Board hold the seats in the table below." in markdown
    assert not re.search(r"The Board has \d+ members", markdown)
    assert "jointly by the providers of primary medical services" not in markdown
    # ... no sentence for the delegations the file leaves out ...
    assert "has not delegated" not in markdown
    assert (
        "delegates.\n\n## 5 Procedures for making decisions" in markdown
    )  # 4.10 keeps only its statement of the law
    # ... and the draft's banner and annex list them.
    assert "still has 3 facts the text needs but the file does not state" in markdown
    assert (
        "| Fact not stated | Key to add |\n"
        "| --- | --- |\n"
        "| who appoints the Chair | board.seats\\[0\\].appointed\\_by |\n"
        "| who nominates the Partner Member (primary medical services) | "
        "board.seats\\[10\\].nominated\\_by |\n"
        "| the term of office of the Partner Member (local authorities) | "
        "board.seats\\[11\\].term\\_years |\n"
    ) in markdown


def test_a_final_render_with_gaps_is_refused_and_lists_them(tmp_path: Path) -> None:
    source = partial_constitution(tmp_path)
    config = ignore_every_rule(tmp_path)
    for suffix in ("md", "docx"):
        output = tmp_path / f"out.{suffix}"
        code, out, err = render(source, output, "--config", str(config))
        assert code == 1
        assert out == ""
        assert not output.exists()
        expected = [
            f"icslint: not rendered: {source.as_posix()} does not state 3 facts the document "
            "needs:",
            *(f"  - {gap}" for gap in PARTIAL_GAPS),
            "Add these facts to the file, or use --draft for a copy marked DRAFT that shows each "
            "one as [not stated: ...] and lists them.",
        ]
        assert "\n".join(expected) in err


def test_a_final_render_lists_errors_and_gaps_together(tmp_path: Path) -> None:
    source = partial_constitution(tmp_path)
    code, _, err = render(source, tmp_path / "out.md")
    assert code == 1
    assert "does not state 3 facts the document needs:" in err
    for gap in PARTIAL_GAPS:
        assert f"  - {gap}" in err


def test_the_draft_shows_gaps_in_every_format(tmp_path: Path) -> None:
    source = partial_constitution(tmp_path)
    config = ignore_every_rule(tmp_path)
    label = "[not stated: who appoints the Chair]"
    for suffix in ("html", "docx"):
        code, _, err = render(
            source, tmp_path / f"out.{suffix}", "--draft", "--config", str(config)
        )
        assert code == 0, err
    html = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert f"<strong>{label}</strong>" in html
    word = open_docx(str(tmp_path / "out.docx"))
    bold = [r.text for p in word.paragraphs for r in p.runs if r.bold]
    assert label in bold


SPARSE_ICB = """\
kind: icb-constitution
schema_version: 1
meta: {version_history: [{}]}
icb: {area: {exclusions: [{}]}}
board:
  seats:
    - {id: a, role: chair}
    - {id: b, role: chief_executive}
    - {id: c, category: partner, count: 2}
    - {id: d, category: executive}
    - {id: e, category: non_executive, is_deputy_chair: true}
    - {id: f}
  participants: [{title: Guest}]
eligibility: {}
disqualification: {criteria: [member_of_parliament]}
committees: [{name: Audit, kind: audit}, {name: Pay, kind: remuneration}]
joint_committees: [{name: Joint}]
delegations: [{to: A Council}]
standing_orders:
  part_of_constitution: false
  quorum: {required: [{min: 2}]}
  decision_making: {}
  meetings: {}
sfi: {}
conflicts_of_interest: {}
transparency: {}
plans: {joint_forward_plan: {}, annual_report: {}}
employees: {determined_by: Pay}
public_involvement: {}
related_documents: {}
variation: {}
"""
SPARSE_ICP = """\
kind: icp-terms-of-reference
schema_version: 1
meta: {approved_on: 2025-01-01}
icp: {area: {local_authorities: [A Council, B Council]}}
local_authorities: [{name: A Council, type: county}, {name: B Council}]
members: [{seat_title: X}, {seat_title: Y, statutory_limb: c, voting: false}]
attendees: [{title: Z}]
engagement_mechanisms: [{name: Panel}]
chair: {}
vice_chair: {}
procedure: {quorum: {required: [{min: 1}]}, decision_making: vote}
meetings: {}
membership_review: {}
membership_policy: {}
strategy: {}
secretariat: {}
tor_amendment: {}
relationships: {hwbs: [H]}
"""


@pytest.mark.parametrize(
    "text",
    [
        SPARSE_ICB,
        SPARSE_ICP,
        "kind: icb-constitution\nschema_version: 1\n",
        "kind: icp-terms-of-reference\nschema_version: 1\n",
    ],
    ids=["sparse-icb", "sparse-icp", "bare-icb", "bare-icp"],
)
def test_every_gap_says_what_is_missing(text: str, tmp_path: Path) -> None:
    source = tmp_path / "sparse.yaml"
    source.write_text(text)
    markdown, gaps = composed(source, draft=True)
    assert gaps
    assert not any(UNNAMED in gap for gap in gaps)
    assert "\\[not stated\\]" not in markdown  # every blank in the text is named
    assert markdown.count("\\[not stated: ") >= len(gaps)


def test_sparse_documents_state_nothing_the_file_leaves_out(tmp_path: Path) -> None:
    source = tmp_path / "sparse.yaml"
    source.write_text(SPARSE_ICB)
    markdown, gaps = composed(source)
    assert "- a: **\\[not stated: the term of office of the a\\]**" in markdown
    assert "- d:" not in markdown.split("Terms of appointment")[1].split("###")[0]  # executive
    assert "- **\\[not stated: the functions delegated to A Council\\]**" in markdown
    assert "the bodies the ICB shares the Joint with (add joint_committees[0].partners)" in gaps
    for invented in ("casting vote", "has not", "No further approval"):
        assert invented not in markdown
    assert not re.search(r"The Board has \d+ members", markdown)
    source.write_text(SPARSE_ICP)
    markdown, gaps = composed(source)
    assert "who selects the vice-chair (add vice_chair.selected_by)" in gaps
    assert "Every member of the partnership is a voting member" not in markdown
    assert "| X |  | **\\[not stated: who appoints the member X\\]** |" in markdown


def test_a_gap_label_is_literal_text_in_every_format() -> None:
    from icslint.render.blocks import parser
    from icslint.render.gaps import Gap
    from icslint.render.markdown import gap_markup

    gap = Gap("who appoints the <b>Chair</b> *now* [1]")
    tokens = parser().parse(f"Appointed by {gap_markup(gap)}.")
    children = tokens[1].children or []
    assert [c.type for c in children] == ["text", "strong_open", "text", "strong_close", "text"]
    assert children[2].content == "[not stated: who appoints the <b>Chair</b> *now* [1]]"


def test_terms_of_reference_with_co_chairs_and_names_in_words_render_in_full(
    tmp_path: Path,
) -> None:
    source = (
        EXAMPLES / "variants" / "kingsbridge-health-and-care-partnership-terms-of-reference.yaml"
    )
    output = tmp_path / "tor.md"
    code, _, err = render(source, output)
    assert code == 0, err
    text = output.read_text(encoding="utf-8")
    for sentence in (
        "The partnership is established under section 116ZA of the Local Government and "
        "Public Involvement in Health Act 2007.",
        "### 4.1 Co-chair: the Chair of the ICB",
        "### 4.2 Co-chair: the Leader of Severnmoor County Council",
        "| Leader of the Council | Severnmoor County Council | Severnmoor County Council | (b) |",
        "| Voluntary sector representatives (2 members) |",
        'The seat "Voting members of the ICB board" stands for all voting members of the ICB '
        "board other than its chair.",
        "may send a named substitute: the Deputy Leader of Severnmoor County Council.",
        "The partnership meets at least 4 times a year.",
        "Members of the public may ask questions at meetings held in public.",
        "published at least 5 clear days before it.",
    ):
        assert sentence in text, sentence


def test_a_draft_constitution_renders_as_a_draft_without_invented_dates(tmp_path: Path) -> None:
    source = EXAMPLES / "valid" / "severnmoor-icb-constitution-draft-2026.yaml"
    output = tmp_path / "draft.md"
    code, _, err = render(source, output)
    assert code == 0, err
    text = output.read_text(encoding="utf-8")
    assert (
        "This is a draft of version 3.0 of the constitution of the\nICB. It has no effect until "
        "NHS England has approved it." in text
    )
    assert "NHS England approved this version on" not in text
    assert (
        "NHS England has agreed that the director of nursing need not be a member of the Board "
        "(agreed 20 November 2025; Letter from the NHS England regional director for the "
        "Midlands, 20 November 2025)." in text
    )


# --- Counts, partial dates, approvals and names as the text states them ------------------------


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


ICB_SEATS = """\
kind: icb-constitution
schema_version: 1
meta:
  version: "2.0"
  status: in_force
  effective_from: 2025-10-01
  nhse_approved_on: {approved_on}
board:
  seats:
    - id: chair
      title: Chair
      role: chair
      category: non_executive
      count: 1
      appointed_by: NHS England, with the approval of the Secretary of State
      appointment_approved_by: Secretary of State
    - id: ceo
      title: Chief Executive
      role: chief_executive
      category: executive
      count: 1
      appointed_by: Chief Executive, with the Chair's approval
      appointment_approved_by: Chair
    - id: nems
      title: Non-Executive Members
      role: ordinary
      category: non_executive
      count: {nem_count}
      appointed_by: Chair
      appointment_approved_by: NHSE
"""


def icb_seats(tmp_path: Path, *, nem_count: str = "2", approved_on: str = "2025-09") -> Path:
    text = ICB_SEATS.format(nem_count=nem_count, approved_on=approved_on)
    return write(tmp_path, "seats.yaml", text)


def test_exact_counts_are_added_up(tmp_path: Path) -> None:
    markdown, _ = composed(icb_seats(tmp_path))
    assert "The Board has 4 members,\nall of whom have a vote." in markdown
    assert (
        "Of the members of the Board, 1 is an executive member (the Chief Executive among "
        "them) and 3 are non-executive members (the Chair among them)." in markdown
    )


def test_a_single_seat_with_a_count_renders(tmp_path: Path) -> None:
    markdown, _ = composed(one_count(tmp_path))
    assert "The Board has 1 member,\nwho has a vote." in markdown
    assert "Of the members of the Board" not in markdown


def one_count(tmp_path: Path) -> Path:
    text = "kind: icb-constitution\nschema_version: 1\nboard:\n  seats:\n"
    text += "    - {id: chair, role: chair, count: 1}\n"
    return write(tmp_path, "onecount.yaml", text)


@pytest.mark.parametrize("count", ["at least 2", "unknown"])
def test_no_total_where_a_count_is_not_exact(count: str, tmp_path: Path) -> None:
    markdown, _ = composed(icb_seats(tmp_path, nem_count=f'"{count}"'))
    assert "The Board has" not in markdown
    assert "Of the members of the Board" not in markdown
    assert "The members of the Board hold the seats in the table below." in markdown
    assert "The Non-Executive Members are appointed by the Chair," in markdown


@pytest.mark.parametrize(
    ("approved_on", "sentence"),
    [
        ("2025-09", "NHS England approved this version in September 2025."),
        ("2025", "NHS England approved this version in 2025."),
        ("2025-03-14", "NHS England approved this version on 14 March 2025."),
    ],
)
def test_a_date_known_in_part_reads_in_not_on(
    approved_on: str, sentence: str, tmp_path: Path
) -> None:
    markdown, _ = composed(icb_seats(tmp_path, approved_on=approved_on))
    assert sentence in markdown


def test_an_approval_in_the_appointer_is_not_repeated(tmp_path: Path) -> None:
    markdown, _ = composed(icb_seats(tmp_path))
    assert (
        "The Chair is appointed by NHS England, with the approval of the Secretary of State\n"
        "(Schedule 1B, paragraph 5 of the 2006 Act)." in markdown
    )
    assert (
        "The Chief Executive is appointed by the Chief Executive, with the Chair's approval\n"
        "(Schedule 1B, paragraph 7(1) of the 2006 Act)." in markdown
    )
    assert "Secretary of State, with the approval of" not in markdown
    assert "with the Chair's approval, with the approval" not in markdown
    assert "| NHS England, with the approval of the Secretary of State |" in markdown


def test_a_seat_of_several_members_takes_a_plural_verb_and_names_keep_no_article(
    tmp_path: Path,
) -> None:
    markdown, _ = composed(icb_seats(tmp_path))
    assert "The Non-Executive Members are appointed by the Chair,\nwith the approval of NHSE" in (
        markdown
    )
    assert "the NHSE" not in markdown


ICP_MEMBERS = """\
kind: icp-terms-of-reference
schema_version: 1
meta:
  approved_on: May 2025
  approved_by: [NHS Tamarbrook ICB, Tamarbrook County Council]
icp:
  name: Tamarbrook Health and Care Partnership
  icb_name: NHS Tamarbrook Integrated Care Board
  area:
    local_authorities: [Tamarbrook County Council, Westmere Council]
local_authorities:
  - {name: Tamarbrook County Council, type: county, social_care_responsible: true}
  - {name: Westmere Council, type: unitary, social_care_responsible: true, partly_within: true}
establishing_parties: [NHS Tamarbrook ICB, Tamarbrook County Council, Westmere Council]
members:
  - seat_title: Chair of the ICB
    appointed_by: icb
    statutory_limb: a
    substitute: Deputy Chair of the ICB
  - seat_title: Leader
    organisation: Tamarbrook County Council
    appointed_by: Tamarbrook County Council
    statutory_limb: b
    substitute: Another member of the cabinet
  - seat_title: Voluntary sector representatives
    count: 2
    appointed_by: icp
    statutory_limb: c
"""


def icp_members(tmp_path: Path, extra: str = "") -> Path:
    return write(tmp_path, "icp.yaml", ICP_MEMBERS + extra)


def test_icp_members_are_counted_only_where_every_count_is_exact(tmp_path: Path) -> None:
    markdown, _ = composed(icp_members(tmp_path))
    assert (
        "The partnership has appointed two members under this provision, shown in the table "
        "of members below." in markdown
    )
    by_reference = (
        "  - seat_title: All voting members of the ICB board\n"
        "    by_reference: all voting members of the ICB board\n"
        "    appointed_by: icp\n"
        "    statutory_limb: c\n"
    )
    markdown, _ = composed(icp_members(tmp_path, by_reference))
    assert (
        "The partnership appoints further members under this provision, shown in the table "
        "below." in markdown
    )
    assert "has appointed" not in markdown


def test_icp_dates_councils_areas_and_substitutes(tmp_path: Path) -> None:
    markdown, _ = composed(icp_members(tmp_path), draft=True)
    assert (
        "These terms of reference were approved by NHS Tamarbrook ICB and Tamarbrook County "
        "Council in May 2025." in markdown
    )
    # The ICB, named differently in establishing_parties, is not one of the councils.
    assert "- NHS Tamarbrook ICB:" not in markdown
    assert "the councils** means Tamarbrook County Council and Westmere Council," in markdown
    assert (
        "which covers the area of Tamarbrook County Council, and part of the area of Westmere "
        "Council." in markdown
    )
    assert "may send a named substitute: the Deputy Chair of the ICB." in markdown
    assert "may send a named substitute: Another member of the cabinet." in markdown


def test_optional_sections_are_marked_in_a_draft() -> None:
    source = EXAMPLES / "valid" / "severnmoor-icb-constitution-draft-2026.yaml"
    markdown, _ = composed(source)
    assert (
        "This draft includes an optional clause of NHS England's model\nconstitution, to be "
        "decided before the constitution is submitted:\n\n- 4.7 Place committees\n" in markdown
    )
    markdown, _ = composed(ICB, draft=True)
    assert "optional clause" not in markdown


def test_cluster_and_place_committee_are_rendered() -> None:
    markdown, gaps = composed(EXAMPLES / "valid" / "wealdmoor-icb-constitution.yaml")
    assert gaps == []
    assert (
        "The ICB is one of a cluster of integrated care boards, the Severnmoor and Wealdmoor "
        "ICB cluster,\nwith NHS Severnmoor Integrated Care Board. Each ICB in the cluster "
        "remains a separate body.\nThe boards of the ICBs in the cluster meet together, and "
        "each board takes its own\ndecisions for its own ICB." in markdown
    )
    assert "The Hartvale Place Committee works for the place of Hartvale." in markdown
    assert (
        "Its members who are not members of the Board are:\n\n"
        "- Director of Adult Social Care, Hartvale Borough Council\n" in markdown
    )
