"""The rendered document's own structure and words, in every format: the cover, the sections
as the document numbers and heads them, clauses the ICB or partnership wrote itself, the
standing orders on every topic they list, and HTML and PDF a board can publish (a table of
contents, live links, a tagged PDF with its title, language and bookmarks)."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from docx import Document as open_docx
from pypdf import PdfReader
from pypdf.generic import BooleanObject

from conftest import EXAMPLES, need_weasyprint, run
from icslint.loader import load
from icslint.render.facts import DocumentFacts
from icslint.render.markdown import compose
from test_render import ICB_SECTIONS

ICB = EXAMPLES / "valid" / "severnmoor-icb-constitution.yaml"
DRAFT_ICB = EXAMPLES / "valid" / "severnmoor-icb-constitution-draft-2026.yaml"
ICP = EXAMPLES / "valid" / "severnmoor-icp-terms-of-reference.yaml"
LOCAL = Path(__file__).parent / "data" / "severnmoor-icb-constitution-local-clauses.yaml"
KINGSBRIDGE = (
    EXAMPLES / "variants" / "kingsbridge-health-and-care-partnership-terms-of-reference.yaml"
)
COVER = (
    "Constitution of NHS Severnmoor Integrated Care Board",
    "Version 2.1",
    "In effect from 1 April 2025",
    "Approved by NHS England on 14 March 2025",
)
ARMED_FORCES = (
    "In settling the make-up of the Board and its committees, the ICB has due regard to the "
    "Armed Forces Covenant"
)
ACCESSIBLE = "Meetings of the Board are held in places accessible to disabled people."


def render(source: Path, output: Path, *extra: str) -> tuple[int, str, str]:
    return run("render", str(source), "-o", str(output), *extra)


_MADE: dict[tuple[Path, str, tuple[str, ...]], bytes] = {}


def rendered(source: Path, tmp_path: Path, suffix: str, *extra: str) -> Path:
    """`source` rendered to a file in `tmp_path` (an example is rendered once per run)."""
    output = tmp_path / f"{source.stem}.{suffix}"
    key = (source, suffix, extra)
    if key in _MADE:
        output.write_bytes(_MADE[key])
        return output
    code, _, err = render(source, output, *extra)
    assert code == 0, err
    if source in (ICB, DRAFT_ICB, ICP, LOCAL, KINGSBRIDGE):
        _MADE[key] = output.read_bytes()
    return output


def composed(text: str, *, draft: bool = False) -> tuple[str, list[str]]:
    """The Markdown and the gaps of a document given as YAML text, without checking it."""
    document = load(text, "doc.yaml").document
    assert document is not None
    result = compose(document, draft=draft)
    return result.markdown, [str(gap) for gap in result.gaps]


def write(tmp_path: Path, text: str, name: str = "doc.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def headings(markdown: str) -> list[str]:
    return [line[3:] for line in markdown.splitlines() if line.startswith("## ")]


def pdf_words(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


# --- The cover: whose document, which version, in effect from, approved by ----------------------


def test_the_cover_follows_the_title_in_markdown(tmp_path: Path) -> None:
    markdown = rendered(ICB, tmp_path, "md").read_text(encoding="utf-8")
    assert markdown.startswith(
        "# NHS Severnmoor Integrated Care Board: Constitution\n\n"
        "Constitution of NHS Severnmoor Integrated Care Board\\\n"
        "Version 2.1\\\n"
        "In effect from 1 April 2025\\\n"
        "Approved by NHS England on 14 March 2025\n\n"
        "## 1 Introduction\n"
    )


def test_the_cover_of_terms_of_reference_names_every_approver(tmp_path: Path) -> None:
    markdown = rendered(ICP, tmp_path, "md").read_text(encoding="utf-8")
    assert (
        "Terms of reference of Severnmoor and Kingsbridge Integrated Care Partnership\\\n"
        "Version 1.3\\\n"
        "In effect from 1 June 2025\\\n"
        "Approved by NHS Severnmoor Integrated Care Board, Severnmoor County Council and "
        "Kingsbridge City Council on 20 May 2025\n\n## 1 "
    ) in markdown


def test_a_draft_constitution_says_it_is_a_draft_and_gives_no_approval(tmp_path: Path) -> None:
    markdown = rendered(DRAFT_ICB, tmp_path, "md").read_text(encoding="utf-8")
    front = markdown.split("\n## ")[0]
    assert front == (
        "# NHS Severnmoor Integrated Care Board: Constitution\n\n"
        "Constitution of NHS Severnmoor Integrated Care Board\\\n"
        "Version 3.0\\\n"
        "Draft: not approved\n"
    )


def test_a_draft_render_of_an_approved_constitution_is_not_called_approved(
    tmp_path: Path,
) -> None:
    markdown = rendered(ICB, tmp_path, "md", "--draft").read_text(encoding="utf-8")
    front = markdown.split("\n## ")[0]
    assert (
        "Constitution of NHS Severnmoor Integrated Care Board\\\n"
        "Version 2.1\\\n"
        "Intended to take effect from 1 April 2025\\\n"
        "Draft: not approved\n\n**DRAFT: not approved.**"
    ) in front
    assert "Approved by" not in front


@pytest.mark.parametrize(
    ("status", "draft", "lines"),
    [
        (None, False, ["In effect from 1 April 2025", "Approved by NHS England on 14 March 2025"]),
        ("approved", False, ["Takes effect from 1 April 2025", "Approved by NHS England"]),
        (
            "submitted",
            False,
            [
                "Intended to take effect from 1 April 2025",
                "Submitted for approval: not yet approved",
            ],
        ),
        ("draft", False, ["Intended to take effect from 1 April 2025", "Draft: not approved"]),
        (
            "superseded",
            False,
            [
                "Took effect from 1 April 2025",
                "Approved by NHS England",
                "Superseded by a later version",
            ],
        ),
        ("in_force", True, ["Intended to take effect from 1 April 2025", "Draft: not approved"]),
    ],
)
def test_the_cover_states_where_the_version_stands(
    status: str | None, draft: bool, lines: list[str]
) -> None:
    import datetime as dt

    approval = "Approved by NHS England on 14 March 2025" if status is None else None
    approval = approval or ("Approved by NHS England" if status != "draft" else None)
    facts = DocumentFacts(
        title="T",
        body="NHS Wessex Integrated Care Board",
        kind="Constitution",
        version="2.1",
        effective="1 April 2025",
        approval=approval,
        generated=dt.date(2026, 1, 1),
        draft=draft,
        status=status,
    )
    assert facts.statement == (
        "Constitution of NHS Wessex Integrated Care Board",
        "Version 2.1",
        *lines,
    )


@pytest.mark.parametrize(
    ("generated", "verb"),
    [(dt.date(2027, 5, 31), "Takes effect"), (dt.date(2027, 6, 1), "In effect")],
)
def test_a_version_not_yet_in_effect_says_when_it_takes_effect(
    generated: dt.date, verb: str
) -> None:
    facts = DocumentFacts(
        title="T",
        body="Wessex Integrated Care Partnership",
        kind="Terms of reference",
        version="2.0",
        effective="June 2027",
        approval="Approved in May 2027",
        generated=generated,
        draft=False,
        effective_earliest=dt.date(2027, 6, 1),
    )
    assert facts.statement[2] == f"{verb} from June 2027"


def test_a_document_that_states_nothing_has_a_cover_of_its_kind_only(tmp_path: Path) -> None:
    markdown, _ = composed("kind: icp-terms-of-reference\nschema_version: 1\n")
    assert markdown.startswith(
        "# Integrated care partnership: Terms of reference\n\nTerms of reference\n\n## 1 "
    )


def test_the_cover_is_in_every_format(tmp_path: Path) -> None:
    html = rendered(ICB, tmp_path, "html").read_text(encoding="utf-8")
    assert (
        '<header class="cover">\n'
        '<h1 id="nhs-severnmoor-integrated-care-board-constitution">NHS Severnmoor Integrated '
        "Care Board: Constitution</h1>\n<p>" + "<br />\n".join(COVER) + "</p>\n</header>\n"
    ) in html
    assert '<meta name="author" content="NHS Severnmoor Integrated Care Board">' in html
    assert (
        '<meta name="description" content="Constitution of NHS Severnmoor Integrated Care '
        "Board. Version 2.1. In effect from 1 April 2025. Approved by NHS England on 14 March "
        '2025.">'
    ) in html
    word = open_docx(str(rendered(ICB, tmp_path, "docx")))
    assert "\n".join(COVER) in [p.text for p in word.paragraphs[:4]]


def test_the_cover_is_on_the_first_page_of_the_pdf(tmp_path: Path) -> None:
    need_weasyprint()
    reader = PdfReader(rendered(ICB, tmp_path, "pdf"))
    first = reader.pages[0].extract_text().splitlines()
    for line in COVER:
        assert line in first


# --- Sections as the document numbers and heads them ----------------------------------------


def test_sections_have_the_documents_headings(tmp_path: Path) -> None:
    markdown, gaps = composed(ICB.read_text(encoding="utf-8"))
    assert gaps == []
    assert headings(markdown) == ICB_SECTIONS


def without_sections(text: str) -> str:
    start = text.index("sections:\n")
    end = text.index("\n\n", start)
    return text[:start] + text[end + 2 :]


def test_without_a_list_of_sections_the_models_headings_are_used() -> None:
    markdown, _ = composed(without_sections(ICB.read_text(encoding="utf-8")))
    assert headings(markdown) == [
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


def test_a_section_the_document_numbers_differently_keeps_its_number_and_text() -> None:
    """Section 6 is public involvement and section 9 conflicts of interest: each heading has
    its own text under it, the text follows the document's order, and cross-references say
    where each section now is."""
    text = ICB.read_text(encoding="utf-8")
    text = text.replace(
        '  - {number: "6", heading: Arrangements for conflict of interest management',
        '  - {number: "9", heading: Arrangements for conflict of interest management',
    ).replace(
        '  - {number: "9", heading: Arrangements for public involvement}',
        '  - {number: "6", heading: Arrangements for public involvement}',
    )
    text = text.replace('  arrangements_section: "9"', '  arrangements_section: "6"').replace(
        '  terms_section: "8"', '  terms_section: "7"'
    )
    text = text.replace(
        '  - {number: "7", heading: Arrangements for ensuring accountability and transparency}\n'
        '  - {number: "8", heading: Arrangements for determining the terms and conditions of '
        "employees}\n",
        '  - {number: "7", heading: Arrangements for determining the terms and conditions of '
        "employees}\n"
        '  - {number: "8", heading: Arrangements for ensuring accountability and transparency}\n',
    )
    markdown, gaps = composed(text)
    assert gaps == []
    assert headings(markdown)[5:9] == [
        "6 Arrangements for public involvement",
        "7 Arrangements for determining the terms and conditions of employees",
        "8 Arrangements for ensuring accountability and transparency",
        "9 Arrangements for conflict of interest management and standards of business conduct",
    ]
    assert (
        "## 6 Arrangements for public involvement\n\n### 6.1 Arrangements for public "
        "involvement\n\n6.1.1 In line with section 14Z45(2) of the 2006 Act" in markdown
    )
    assert (
        "## 9 Arrangements for conflict of interest management and standards of business "
        "conduct\n\n### 9.1 Conflicts of interest\n\n9.1.1 " in markdown
    )
    assert "Its role in\ndeciding pay and terms and conditions is set out in section 7." in markdown


def test_a_heading_in_words_of_its_own_is_found_by_the_key_that_names_its_number() -> None:
    text = ICB.read_text(encoding="utf-8")
    text = text.replace(
        '  - {number: "6", heading: Arrangements for conflict of interest management',
        '  - {number: "9", heading: Arrangements for conflict of interest management',
    ).replace(
        '  - {number: "9", heading: Arrangements for public involvement}',
        '  - {number: "6", heading: How we hear local people}',
    )
    text = text.replace('  arrangements_section: "9"', '  arrangements_section: "6"')
    markdown, gaps = composed(text)
    assert gaps == []
    assert (
        "## 6 How we hear local people\n\n### 6.1 Arrangements for public involvement\n" in markdown
    )


def test_a_model_section_the_list_leaves_out_follows_the_last_one_listed() -> None:
    text = ICB.read_text(encoding="utf-8")
    listed = text[text.index("sections:\n") : text.index("\n\nicb:")]
    kept = "\n".join(line for line in listed.splitlines() if "public involvement" not in line)
    kept = "\n".join(line for line in kept.splitlines() if "Appendix" not in line)
    markdown, gaps = composed(text.replace(listed, kept))
    assert gaps == []
    assert headings(markdown)[7:] == [
        "8 Arrangements for determining the terms and conditions of employees",
        "9 Public involvement",
        "Appendix 1: Definitions",
        "Appendix 2: Standing orders",
    ]


def test_a_listed_section_with_no_text_is_a_gap(tmp_path: Path) -> None:
    text = ICB.read_text(encoding="utf-8").replace(
        '  - {number: "9", heading: Arrangements for public involvement}\n',
        '  - {number: "9", heading: Arrangements for public involvement}\n'
        '  - {number: "10", heading: Our local commitments}\n',
    )
    gap = (
        'the text of section 10, "Our local commitments", which the list of sections names '
        "(add local_sections)"
    )
    markdown, gaps = composed(text, draft=True)
    assert gaps == [gap]
    assert (
        '## 10 Our local commitments\n\n10.1 **\\[not stated: the text of section 10, "Our '
        'local commitments", which the list of sections names\\]**\n\n## Appendix 1' in markdown
    )
    code, _, err = render(write(tmp_path, text), tmp_path / "out.md")
    assert code == 1
    assert f"does not state 1 fact the document needs:\n  - {gap}\n" in err


def test_optional_sections_are_marked_in_a_draft_only() -> None:
    text = ICB.read_text(encoding="utf-8").replace(
        '  - {number: "9", heading: Arrangements for public involvement}',
        '  - {number: "9", heading: Arrangements for public involvement, optional: true}',
    )
    markdown, _ = composed(text, draft=True)
    assert "\n## 9 Arrangements for public involvement (optional)\n" in markdown
    markdown, _ = composed(text)
    assert "\n## 9 Arrangements for public involvement\n" in markdown
    draft = DRAFT_ICB.read_text(encoding="utf-8").replace(
        '  - {number: "9", heading: Arrangements for public involvement}',
        '  - {number: "9", heading: Arrangements for public involvement, optional: true}',
    )
    markdown, _ = composed(draft)  # the document itself is a draft
    assert "\n## 9 Arrangements for public involvement (optional)\n" in markdown


def test_terms_of_reference_can_list_their_sections() -> None:
    text = ICP.read_text(encoding="utf-8").replace(
        "\nicp:\n",
        "\nsections:\n"
        '  - {number: "1", heading: Establishment and status}\n'
        '  - {number: "2", heading: Purpose and principles}\n'
        '  - {number: "3", heading: The integrated care strategy}\n'
        '  - {number: "4", heading: Members}\n'
        "\nicp:\n",
        1,
    )
    markdown, gaps = composed(text)
    assert gaps == []
    assert headings(markdown) == [
        "1 Establishment and status",
        "2 Purpose and principles",
        "3 The integrated care strategy",
        "4 Members",
        "5 Chair",
        "6 Quorum and decisions",
        "7 Meetings in public",
        "8 Review",
    ]
    assert (
        "Its principal statutory function is to prepare the integrated care strategy for its "
        "area, as set out in section 3 of these terms of reference." in markdown
    )
    assert "as section 4 of these terms of reference provides." in markdown


# --- Local clauses ---------------------------------------------------------------------------


def test_local_clauses_are_numbered_in_sequence_in_markdown(tmp_path: Path) -> None:
    markdown = rendered(LOCAL, tmp_path, "md").read_text(encoding="utf-8")
    # After clause 2.1.3: it is 2.1.4, and the model's 2.1.4 is now 2.1.5.
    assert f"\n\n2.1.4 **Armed Forces Covenant.** {ARMED_FORCES} " in markdown
    assert "\n\n2.1.5 Only NHS trusts, NHS foundation trusts and providers" in markdown
    # After clause 4.1 of Appendix 2 (the standing orders), not after clause 4.1 of section 4.
    standing_orders = markdown.split("## Appendix 2: Standing Orders")[1]
    assert (
        "4.1 The Chair presides at meetings of the Board.\n\n"
        f"4.2 {ACCESSIBLE} A member may take part by video conference where the Chair agrees, "
        "and is then counted as present.\n\n4.3 If the Chair is absent" in standing_orders
    )
    assert ACCESSIBLE not in markdown.split("## Appendix 2")[0]
    # At the end of section 9, with its web address a link.
    assert (
        "9.1.6 Each year the ICB publishes a summary of what it has heard from local people and "
        "what it has done in response, at <https://www.severnmoor.icb.example/your-voice>.\n\n"
        "## 10 Our local commitments\n\n"
        "10.1 The ICB works with the councils" in markdown
    )
    assert "\n\n10.2 The ICB reports to the Board at least once a year" in markdown
    assert headings(markdown)[9:] == [
        "10 Our local commitments",
        "Appendix 1: Definitions of terms used in this constitution",
        "Appendix 2: Standing Orders",
    ]


@pytest.mark.parametrize(
    ("after", "number", "follows"),
    [
        ("2.1", "2.1.12", "### 2.2 Board membership"),
        ("4", "4.10.3", "## 5 Procedures for making decisions"),
        ("Appendix 1", "2.3", "## Appendix 2: Standing Orders"),
        ("Appendix 2, 3", "3.2", "### 4 Meetings of the Board"),
    ],
)
def test_a_local_clause_after_a_heading_ends_that_part_or_section(
    after: str, number: str, follows: str
) -> None:
    text = ICB.read_text(encoding="utf-8")
    text += f'\nlocal_clauses:\n  - {{after: "{after}", text: Our own words.}}\n'
    markdown, gaps = composed(text)
    assert gaps == []
    before = markdown.split(f"\n\n{number} Our own words.\n\n{follows}\n")[0]
    last = re.findall(r"\n\n(\d+(?:\.\d+)+) ", before)[-1]
    assert last.split(".")[:-1] == number.split(".")[:-1]
    assert int(last.split(".")[-1]) + 1 == int(number.split(".")[-1])


def test_terms_of_reference_have_local_clauses_too(tmp_path: Path) -> None:
    markdown = rendered(KINGSBRIDGE, tmp_path, "md").read_text(encoding="utf-8")
    assert (
        "3.2.2 Members shown in the table as non-voting take full part in discussion but do not "
        "vote.\n\n3.2.3 **Young people's voice.** The partnership invites the Severnmoor and "
        "Kingsbridge Youth Council" in markdown
    )
    assert '\n\n3.2.4 The seat "Voting members of the ICB board" stands for' in markdown


def test_a_local_section_not_listed_follows_the_last_section() -> None:
    text = LOCAL.read_text(encoding="utf-8").replace(
        '  - {number: "10", heading: Our local commitments}\n', ""
    )
    text = without_sections(text)
    markdown, gaps = composed(text)
    assert gaps == []
    assert headings(markdown)[8:11] == [
        "9 Public involvement",
        "10 Our local commitments",
        "Appendix 1: Definitions",
    ]


def test_local_clauses_are_in_the_html_and_its_contents(tmp_path: Path) -> None:
    html = rendered(LOCAL, tmp_path, "html").read_text(encoding="utf-8")
    assert (
        '<p class="clause depth-2"><span class="clause-number">2.1.4</span> '
        f"<strong>Armed Forces Covenant.</strong> {ARMED_FORCES} " in html
    )
    assert '<li><a href="#section-10">10 Our local commitments</a></li>' in html
    assert '<h2 id="section-10">10 Our local commitments</h2>' in html
    assert (
        '<a href="https://www.severnmoor.icb.example/your-voice">'
        "https://www.severnmoor.icb.example/your-voice</a>" in html
    )


def word_number(paragraph_text: str, word: object) -> str:
    """The number Word shows for the paragraph that holds `paragraph_text`: typed in its
    text, or given by Word's list numbering."""
    paragraphs = [p for p in word.paragraphs if paragraph_text in p.text]  # type: ignore[attr-defined]
    assert len(paragraphs) == 1, paragraphs
    typed = re.match(r"(\d+(?:\.\d+)+)\t", paragraphs[0].text)
    if typed:
        return typed[1]
    from test_render_docx import shown_numbers

    numbers = [n for p, n in shown_numbers(word) if paragraph_text in p.text]  # type: ignore[arg-type]
    assert len(numbers) == 1
    return numbers[0]


def test_local_clauses_are_in_the_word_file_with_their_numbers(tmp_path: Path) -> None:
    word = open_docx(str(rendered(LOCAL, tmp_path, "docx")))
    assert word_number(ARMED_FORCES, word) == "2.1.4"
    assert word_number("Only NHS trusts, NHS foundation trusts and providers", word) == "2.1.5"
    assert word_number(ACCESSIBLE, word) == "4.2"
    assert word_number("The ICB works with the councils", word) == "10.1"
    texts = [p.text for p in word.paragraphs]
    assert any(t.endswith("Our local commitments") for t in texts)


def test_local_clauses_are_in_the_pdf_with_their_numbers(tmp_path: Path) -> None:
    need_weasyprint()
    words = pdf_words(rendered(LOCAL, tmp_path, "pdf"))
    assert f"2.1.4 Armed Forces Covenant. {ARMED_FORCES}" in words
    assert "2.1.5 Only NHS trusts" in words
    assert f"4.2 {ACCESSIBLE}" in words
    assert "10 Our local commitments 10.1 The ICB works with the councils" in words


HOSTILE = "<script>alert(1)</script> {{ 7 * 7 }} {% if x %} *not emphasis*"


def test_the_words_of_a_local_clause_stay_literal_in_every_format(tmp_path: Path) -> None:
    text = LOCAL.read_text(encoding="utf-8").replace(
        "    title: Armed Forces Covenant\n", f"    title: '{HOSTILE}'\n"
    )
    text = text.replace(
        "      - >-\n        The ICB reports to the Board at least once a year on its progress "
        "against these\n        commitments.\n",
        f"      - '{HOSTILE}'\n",
    )
    source = write(tmp_path, text)
    markdown = rendered(source, tmp_path, "md").read_text(encoding="utf-8")
    escaped = r"\<script>alert(1)\</script> {{ 7 \* 7 }} {% if x %} \*not emphasis\*"
    assert f"2.1.4 **{escaped}.** {ARMED_FORCES}" in markdown
    assert f"10.2 {escaped}\n" in markdown
    html = rendered(source, tmp_path, "html").read_text(encoding="utf-8")
    literal = "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7 * 7 }} {% if x %} *not emphasis*"
    assert f"<strong>{literal}.</strong>" in html
    assert "<script" not in html
    word = open_docx(str(rendered(source, tmp_path, "docx")))
    assert sum(HOSTILE in p.text for p in word.paragraphs) == 2


def test_a_local_clause_after_a_number_the_text_does_not_have_is_reported(
    tmp_path: Path,
) -> None:
    text = LOCAL.read_text(encoding="utf-8").replace('after: "2.1.3"', 'after: "2.1.30"')
    source = write(tmp_path, text)
    gap = (
        'where local clause 1 ("Armed Forces Covenant") goes: the text has no 2.1.30 for it '
        "to follow (correct local_clauses[0].after)"
    )
    code, out, err = render(source, tmp_path / "out.md")
    assert (code, out) == (1, "")
    assert f"does not state 1 fact the document needs:\n  - {gap}\n" in err
    assert not (tmp_path / "out.md").exists()
    draft = rendered(source, tmp_path, "md", "--draft").read_text(encoding="utf-8")
    # Not lost: the draft shows it, marked, with the gap listed in the annex.
    assert (
        '**\\[not stated: where local clause 1 ("Armed Forces Covenant") goes: the text has no '
        f"2.1.30 for it to follow\\]** **Armed Forces Covenant.** {ARMED_FORCES}" in draft
    )
    assert "| local\\_clauses\\[0\\].after (correct it) |" in draft
    assert "2.1.4 Only NHS trusts" in draft  # nothing else moved


def test_a_place_that_is_not_a_number_is_a_schema_error_at_its_line(tmp_path: Path) -> None:
    text = LOCAL.read_text(encoding="utf-8").replace('after: "2.1.3"', "after: the Background")
    source = write(tmp_path, text)
    line = text.splitlines().index("    after: the Background") + 1
    code, out, _ = run("check", "--select", "ICL", str(source))
    assert code == 1
    assert (
        f"{source.as_posix()}:{line}:5: ICL002 [schema] error: local_clauses[0].after: must be "
        "the number of a clause or heading of the text, for example 4.2.3, 4.2 or 4, or one in "
        'an appendix, for example Appendix 2, 3.1; found "the Background".'
    ) in out


# --- The standing orders say something on every topic they list -------------------------------

TOPIC_HEADINGS = {
    "calling_meetings": "Calling meetings of the Board",
    "agenda": "Agenda, supporting papers and business to be transacted",
    "chair_of_meeting": "Meetings of the Board",
    "quorum": "Quorum",
    "decision_making": "Decision-making",
    "minutes": "Minutes",
    "admission_of_public": "Admission of the public and the press",
    "delegation": "Delegation of functions",
    "suspension": "Suspension of the standing orders",
    "use_of_seal": "Use of the seal and authorisation of documents",
    "amendment": "Amendment and review",
}


def standing_orders_of(markdown: str) -> list[str]:
    appendix = markdown.split("## Appendix 2: Standing Orders")[1].split("\n## ")[0]
    return [re.sub(r"^### \d+ ", "", line) for line in appendix.splitlines() if line[:4] == "### "]


@pytest.mark.parametrize(
    "source", [ICB, DRAFT_ICB, EXAMPLES / "valid" / "wealdmoor-icb-constitution.yaml"]
)
def test_every_topic_the_standing_orders_list_has_its_part(source: Path) -> None:
    markdown, gaps = composed(source.read_text(encoding="utf-8"))
    assert gaps == []
    parts = standing_orders_of(markdown)
    assert parts == ["Introduction", *(TOPIC_HEADINGS[t] for t in TOPIC_ORDER)]


TOPIC_ORDER = [
    "amendment",
    "calling_meetings",
    "chair_of_meeting",
    "agenda",
    "quorum",
    "decision_making",
    "minutes",
    "admission_of_public",
    "delegation",
    "suspension",
    "use_of_seal",
]


def without_provisions(text: str) -> str:
    start = text.index("  provisions:\n")
    end = text.index("\n\n", start)
    return text[:start] + text[end + 1 :]


def test_a_listed_topic_without_its_text_is_a_gap(tmp_path: Path) -> None:
    text = without_provisions(ICB.read_text(encoding="utf-8"))
    text = text.replace("  part_of_constitution: true\n", "  part_of_constitution: false\n", 1)
    expected = [
        f"what the standing orders say on {words} (add standing_orders.provisions.{topic})"
        for topic, words in [
            ("amendment", "amendment and review of the standing orders"),
            ("calling_meetings", "calling meetings of the Board"),
            ("agenda", "the agenda, supporting papers and business to be transacted"),
            ("suspension", "suspension of the standing orders"),
            ("use_of_seal", "use of the seal and authorisation of documents"),
        ]
    ]
    markdown, gaps = composed(text, draft=True)
    assert gaps == expected
    assert (
        "### 3 Calling meetings of the Board\n\n3.1 **\\[not stated: what the standing orders "
        "say on calling meetings of the Board\\]**\n" in markdown
    )
    config = write(tmp_path, "ignore: [ICB, ICP]\n", "no-rules.yaml")  # only the gaps count
    code, _, err = render(write(tmp_path, text), tmp_path / "out.md", "--config", str(config))
    assert code == 1
    assert (
        "does not state 5 facts the document needs:\n" + "".join(f"  - {gap}\n" for gap in expected)
        in err
    )


def test_a_topic_not_listed_is_not_asked_for_and_text_given_is_never_dropped() -> None:
    text = without_provisions(ICB.read_text(encoding="utf-8"))
    for topic in ("calling_meetings", "agenda", "suspension", "use_of_seal"):
        text = text.replace(f"    - {topic}\n", "", 1)
    text = text.replace(
        "  meetings:\n    board_in_public: true\n",
        "  provisions:\n    minutes: The minutes are agreed at the next meeting and signed by "
        "the Chair.\n  meetings:\n    board_in_public: true\n",
    )
    markdown, gaps = composed(text)
    assert gaps == []
    parts = standing_orders_of(markdown)
    assert "Calling meetings of the Board" not in parts and "Suspension" not in " ".join(parts)
    assert "6.4 The minutes are agreed at the next meeting and signed by the Chair.\n" in markdown


# --- HTML: a table of contents linking to every section ---------------------------------------


@pytest.mark.parametrize("source", [ICB, ICP, LOCAL, KINGSBRIDGE])
def test_the_html_contents_link_to_every_section(source: Path, tmp_path: Path) -> None:
    html = rendered(source, tmp_path, "html", "--draft").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="contents" aria-labelledby="contents">(.*?)</nav>', html, re.S)
    assert nav is not None
    assert '<h2 id="contents">Contents</h2>' in nav[1]
    links = re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', nav[1])
    body = html[nav.end() :]
    sections = re.findall(r'<h2 id="([^"]+)">([^<]+)</h2>', body)
    assert links == sections
    assert sections[-1] == ("annex-open-findings", "Annex: open findings")
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))  # every id names one heading


def test_every_heading_has_a_stable_id(tmp_path: Path) -> None:
    html = rendered(ICB, tmp_path, "html").read_text(encoding="utf-8")
    for fragment in (
        '<h2 id="section-4">4 Arrangements for the exercise of our functions</h2>',
        '<h3 id="section-4-2">4.2 General</h3>',
        '<h2 id="appendix-2">Appendix 2: Standing Orders</h2>',
        '<h3 id="appendix-2-part-6">6 Quorum</h3>',
        '<h3 id="appendix-1-part-1">1 Definitions of terms used in this constitution</h3>',
    ):
        assert fragment in html


def test_the_html_says_its_language_and_links_web_addresses(tmp_path: Path) -> None:
    html = rendered(ICP, tmp_path, "html").read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in html
    assert (
        'are published at <a href="https://www.severnmoor.icb.example/partnership/terms-of-'
        'reference">https://www.severnmoor.icb.example/partnership/terms-of-reference</a>.'
    ) in html


# --- PDF: tagged, titled, in British English, with bookmarks and live links --------------------


def test_the_pdf_is_tagged_titled_and_has_bookmarks(tmp_path: Path) -> None:
    need_weasyprint()
    reader = PdfReader(rendered(LOCAL, tmp_path, "pdf"))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"] == BooleanObject(True)
    assert catalog["/Lang"] == "en-GB"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == BooleanObject(True)
    metadata = reader.metadata
    assert metadata is not None
    assert metadata.title == "NHS Severnmoor Integrated Care Board: Constitution"
    assert metadata.author == "NHS Severnmoor Integrated Care Board"
    assert metadata.subject == (
        "Constitution of NHS Severnmoor Integrated Care Board. Version 2.1. In effect from "
        "1 April 2025. Approved by NHS England on 14 March 2025."
    )
    outline = reader.outline
    assert [item.title for item in outline if not isinstance(item, list)] == [
        "NHS Severnmoor Integrated Care Board: Constitution"
    ]
    sections = [item.title for item in outline[1] if not isinstance(item, list)]
    assert sections[0] == "Contents"
    assert "10 Our local commitments" in sections
    assert sections[-1] == "Appendix 2: Standing Orders"


def test_the_pdf_links_are_live(tmp_path: Path) -> None:
    need_weasyprint()
    reader = PdfReader(rendered(LOCAL, tmp_path, "pdf"))
    links = [
        annotation.get_object()
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object()["/Subtype"] == "/Link"
    ]
    to_sections = {str(link["/Dest"]) for link in links if "/Dest" in link}
    assert {"section-1", "section-10", "appendix-2"} <= to_sections
    web = {str(link["/A"]["/URI"]) for link in links if "/A" in link}
    assert "https://www.severnmoor.icb.example/your-voice" in web


def test_the_pdf_install_hint_names_no_package_index(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from icslint.render.pdf import PdfUnavailable, render_pdf

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint fails
    with pytest.raises(PdfUnavailable) as raised:
        render_pdf("<html></html>")
    assert str(raised.value).startswith(
        "PDF output needs WeasyPrint and the Pango library. Install icslint with its pdf extra "
        "from where you installed it (for example `pip install '.[pdf]'` in a clone of "
        "icslint), and the Pango library (`apt-get install libpango-1.0-0 libpangoft2-1.0-0` "
        "on Debian or Ubuntu) ("
    )
    assert "icslint[pdf]" not in str(raised.value)
