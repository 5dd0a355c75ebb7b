"""`icslint report`: the board's evidence, in HTML, PDF and Word."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document as open_docx

from conftest import EXAMPLES, check_json, need_weasyprint, outcome_markers, run

ICB = EXAMPLES / "valid" / "severnmoor-icb-constitution.yaml"
ICP = EXAMPLES / "valid" / "severnmoor-icp-terms-of-reference.yaml"
BOARD = EXAMPLES / "invalid" / "icb-board-composition.yaml"
# The result column of the table of rules, as `check --format json` names each outcome.
RESULTS = {
    "Passed": "passed",
    "Not applicable": "not-applicable",
    "Not stated": "not-stated",
    "Pending law": "pending",
    "Waived": "suppressed",
    "Suppressed": "suppressed",
}
ROW = re.compile(
    r'<tr class="[a-z-]+"><td>(IC[BPSL]\d{3})</td><td>.*?</td><td>.*?</td>'
    r'<td class="result">(.*?)</td><td>(.*?)</td></tr>'
)
WAIVER = """\
waivers:
  - code: ICB016
    file: governance/board.yaml
    path: board.seats
    reason: The councils nominate jointly through the health & wellbeing board
    approved-by: ICB board, 12 March 2025 (minute 25/031)
    expires: 2099-03-31
"""


def report(tmp_path: Path, *args: str, name: str = "report.html") -> tuple[int, str, Path]:
    output = tmp_path / name
    code, _, err = run("report", *args, "-o", str(output))
    return code, err, output


def rule_tables(page: str) -> list[dict[str, tuple[str, str]]]:
    """Each document's table of rules: code -> (result, notes)."""
    tables = re.findall(r'<table class="rules">(.*?)</table>', page, re.S)
    return [{c: (r, n) for c, r, n in ROW.findall(t)} for t in tables]


def as_outcome(result: str) -> str:
    return "breach" if result.startswith("Breach (") else RESULTS[result]


def findings(page: str) -> list[str]:
    return re.findall(r'<div class="finding" id="F\d+">(.*?)</div>', page, re.S)


def flat(text: str) -> str:
    return " ".join(text.split())


# --- Acceptance: every rule that ran, with its result -------------------------------------


def test_the_valid_pair_lists_every_rule_run_with_its_result(tmp_path: Path) -> None:
    code, err, output = report(tmp_path, str(ICB), str(ICP))
    assert code == 0, err
    tables = rule_tables(output.read_text(encoding="utf-8"))
    _, checked = check_json(str(ICB), str(ICP))
    files = checked["files"]
    assert isinstance(files, list) and len(tables) == len(files) == 2
    for table, file in zip(tables, files, strict=True):
        expected = {
            r["code"]: r["outcome"]
            for r in file["rules"]
            if not r.get("reason", "").startswith("applies to ")  # the other kind's rules
        }
        assert {c: as_outcome(r) for c, (r, _) in table.items()} == expected
    # Every ICB rule is listed for the constitution, every ICP rule for the terms of reference.
    _, out, _ = run("rules", "--format", "json")
    kinds = {r["code"]: r["applies_to"] for r in json.loads(out)}
    icb, icp = tables
    assert {c for c, k in kinds.items() if k == "icb-constitution"} <= set(icb)
    assert {c for c, k in kinds.items() if k == "icp-terms-of-reference"} <= set(icp)
    assert not any(c.startswith("ICP") for c in icb) and not any(c.startswith("ICB") for c in icp)
    # A rule that did not apply says why.
    assert all(note for result, note in icb.values() if result == "Not applicable")


def test_the_summary_and_facts_of_each_document(tmp_path: Path) -> None:
    code, _, output = report(tmp_path, str(ICB), str(ICP), "--as-at", "2025-06-01")
    assert code == 0
    page = flat(html.unescape(re.sub(r"<[^>]+>", " ", output.read_text(encoding="utf-8"))))
    assert "No breaches of the law, NHS England policy or guidance." in page
    assert "Law applied as at 1 June 2025" in page
    for fact in ("NHS Severnmoor Integrated Care Board", "ICB constitution", "2.1", "1 April 2025"):
        assert fact in page
    for fact in ("Severnmoor and Kingsbridge Integrated Care Partnership", "1.3", "1 June 2025"):
        assert fact in page
    assert "icslint 0.1.0 (built-in rules)" in page


# --- Findings: line, citation, waiver ------------------------------------------------------


def test_a_breach_shows_its_line_and_citation(tmp_path: Path) -> None:
    code, err, output = report(tmp_path, str(BOARD))
    assert code == 0, err  # the report is evidence, not a gate
    page = output.read_text(encoding="utf-8")
    blocks = findings(page)
    _, checked = check_json(str(BOARD))
    diagnostics = checked["diagnostics"]
    assert isinstance(diagnostics, list)
    breaches = [d for d in diagnostics if d["outcome"] == "breach"]
    assert {(d["line"], d["code"]) for d in breaches} == {
        (line, c) for line, c, outcome in outcome_markers(BOARD) if outcome == "breach"
    }
    for d in breaches:
        (block,) = [
            b for b in blocks if f"<strong>{d['code']}</strong>" in b and f"line {d['line']}," in b
        ]
        assert "Breach (error)" in block
        citation = d["citations"][0]
        assert html.escape(citation["provision"], quote=False) in html.unescape(block)
        assert f'href="{citation["url"]}"' in block
    assert "3 breaches of the law; 1 thing the document does not state." in page
    table = rule_tables(page)[0]
    assert table["ICB016"][0] == "Breach (error)"
    assert "line 72 (F" in table["ICB016"][1]


def test_levels_are_named_in_the_headline(tmp_path: Path) -> None:
    code, _, output = report(tmp_path, str(EXAMPLES / "invalid" / "icb-quorum-arithmetic.yaml"))
    assert code == 0
    assert "2 breaches of NHS England policy and 3 of guidance." in output.read_text("utf-8")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The invalid board example in a project whose configuration waives ICB016."""
    (tmp_path / "governance").mkdir()
    shutil.copy(BOARD, tmp_path / "governance" / "board.yaml")
    (tmp_path / ".icslint.yaml").write_text(WAIVER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_waived_finding_shows_reason_approver_and_expiry(project: Path) -> None:
    code, err, output = report(project, "governance/board.yaml")
    assert code == 0, err
    page = output.read_text(encoding="utf-8")
    said = (
        "Waived in configuration (.icslint.yaml:2): The councils nominate jointly through the "
        "health &amp; wellbeing board. Approved by ICB board, 12 March 2025 (minute 25/031). "
        "Expires 31 March 2099."
    )
    (block,) = [b for b in findings(page) if "<strong>ICB016</strong>" in b]
    assert "Waived" in block and said in block and "line 72," in block
    result, note = rule_tables(page)[0]["ICB016"]
    assert result == "Waived" and said in note
    assert "2 breaches of the law" in page
    assert "1 finding is waived on the record" in page


def test_word_shows_the_waiver_too(project: Path) -> None:
    code, err, output = report(project, "governance/board.yaml", name="report.docx")
    assert code == 0, err
    text = "\n".join(p.text for p in open_docx(str(output)).paragraphs)
    assert "Approved by ICB board, 12 March 2025 (minute 25/031). Expires 31 March 2099." in text


# --- HTML: the chart, and text from documents escaped --------------------------------------


def test_html_has_the_svg_chart_and_escapes_markup_from_a_document(tmp_path: Path) -> None:
    source = tmp_path / "icb.yaml"
    text = ICB.read_text(encoding="utf-8")
    hostile = "NHS <script>alert(1)</script> & <b>Severnmoor</b> Integrated Care Board"
    assert "  name: NHS Severnmoor Integrated Care Board\n" in text
    source.write_text(
        text.replace("  name: NHS Severnmoor Integrated Care Board\n", f"  name: '{hostile}'\n", 1),
        encoding="utf-8",
    )
    code, err, output = report(tmp_path, str(source))
    assert code == 0, err
    page = output.read_text(encoding="utf-8")
    assert "<script" not in page and "<b>" not in page
    assert html.escape(hostile, quote=False) in page
    # One inline SVG, no JavaScript and nothing fetched.
    (svg,) = re.findall(r"<svg .*?</svg>", page, re.S)
    assert 'role="img"' in svg
    assert len(re.findall(r"<rect ", svg)) == 18  # six outcomes at each of three levels
    assert not re.search(r"\s(src|onload|onclick)=", page)
    # The chart counts every result in the table of rules, once.
    table = rule_tables(page)[0]
    numbers = [int(n) for n in re.findall(r'fill="#111">(\d+)</text>', svg)]
    assert sum(numbers) == len(table)
    passed = sum(1 for r, _ in table.values() if r == "Passed")
    counts = re.findall(r"<tr><th scope=\"row\">.*?</th>((?:<td>\d+</td>)+)</tr>", page)
    assert sum(int(row.split("</td>")[4].removeprefix("<td>")) for row in counts) == passed


def test_html_goes_to_stdout(tmp_path: Path) -> None:
    code, out, _ = run("report", str(ICP), "-o", "-")
    assert code == 0 and out.startswith("<!DOCTYPE html>") and "ICP001" in out


# --- PDF and Word --------------------------------------------------------------------------


def test_pdf_has_the_summary_on_a4(tmp_path: Path) -> None:
    need_weasyprint()
    from pypdf import PdfReader

    code, err, output = report(tmp_path, str(BOARD), name="report.pdf")
    assert code == 0, err
    reader = PdfReader(io.BytesIO(output.read_bytes()))
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    assert "3 breaches of the law; 1 thing the document does not state." in text
    assert "Results by level" in text and "ICB016" in text
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in reader.pages[-1].extract_text()


def test_word_has_the_summary_the_chart_and_every_rule_on_a4(tmp_path: Path) -> None:
    code, err, output = report(tmp_path, str(BOARD), str(ICP), name="report.docx")
    assert code == 0, err
    word = open_docx(str(output))
    paragraphs = [p.text for p in word.paragraphs]
    assert "3 breaches of the law; 1 thing the documents do not state." in paragraphs
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    properties = word.core_properties
    assert (properties.title, properties.author) == (
        "Governance documents: report of the checks",
        "",
    )
    assert (properties.language, properties.created.date()) == ("en-GB", dt.date.today())
    with zipfile.ZipFile(output) as package:
        for name in ("docProps/core.xml", "docProps/app.xml", "word/styles.xml"):
            xml = package.read(name).decode("utf-8")
            assert "python-docx" not in xml and 'w:val="en-US"' not in xml, name
    counts = next(t for t in word.tables if t.rows[0].cells[0].text == "Level")
    assert [c.text for c in counts.rows[1].cells][:2] == ["Statute", "3"]
    rules = [t for t in word.tables if t.rows[0].cells[0].text == "Code"]
    _, checked = check_json(str(BOARD), str(ICP))
    files = checked["files"]
    assert isinstance(files, list) and len(rules) == len(files)
    for table, file in zip(rules, files, strict=True):
        listed = {r.cells[0].text: as_outcome(r.cells[3].text) for r in table.rows[1:]}
        expected = {
            r["code"]: r["outcome"]
            for r in file["rules"]
            if not r.get("reason", "").startswith("applies to ")
        }
        assert listed == expected


# --- The law applied, and pending law ------------------------------------------------------


def test_as_at_applies_the_law_of_that_day(tmp_path: Path) -> None:
    code, _, output = report(tmp_path, str(ICB), "--as-at", "2022-09-01")
    assert code == 0
    page = output.read_text(encoding="utf-8")
    assert "Law applied as at 1 September 2022" in page
    result, note = rule_tables(page)[0]["ICB052"]
    assert result == "Not applicable" and "July 2024" in note


def test_as_at_effective_uses_each_documents_own_date(tmp_path: Path) -> None:
    code, _, output = report(tmp_path, str(ICB), str(ICP), "--as-at", "effective")
    assert code == 0
    page = output.read_text(encoding="utf-8")
    assert "Law applied as at each document&#39;s own effective date" in page
    rows = re.findall(r"<tr><td><code>.*?</code></td>(.*?)</tr>", page)
    assert [re.findall(r"<td>(.*?)</td>", r)[-1] for r in rows] == ["1 April 2025", "1 June 2025"]


def test_pending_law_is_reported_only_when_asked(tmp_path: Path) -> None:
    code, _, output = report(tmp_path, str(ICB), "--pending")
    assert code == 0
    page = output.read_text(encoding="utf-8")
    assert rule_tables(page)[0]["ICB180"][0] == "Pending law"
    assert "will need to change when law not yet in force commences" in page
    code, _, quiet = report(tmp_path, str(ICB), name="quiet.html")
    assert code == 0
    assert "Pending law" not in {r for r, _ in rule_tables(quiet.read_text("utf-8"))[0].values()}


def test_a_file_that_is_not_a_document_is_reported_not_skipped(tmp_path: Path) -> None:
    source = EXAMPLES / "invalid" / "not-an-icslint-document.yaml"
    code, _, output = report(tmp_path, str(source), str(ICP))
    assert code == 0
    page = output.read_text(encoding="utf-8")
    assert "No rules were run on this file" in page
    assert "<strong>ICL003</strong>" in page
    assert "1 problem with the files themselves" in page


# --- Bad input: exit 2, one line, no traceback ---------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.yaml", "-o", "{out}/r.html"], "missing.yaml: no such file or folder"),
        ([str(ICB), "-o", "{out}/r.txt"], "cannot tell the format from 'r.txt'"),
        ([str(ICB), "-o", "{out}/r.html", "--as-at", "2025-13-01"], "--as-at '2025-13-01'"),
        ([str(ICB), "-o", "{out}/r.html", "--config", "{out}/none.yaml"], "none.yaml"),
        ([str(ICB), "-o", "-", "--format", "pdf"], "pdf output cannot go to stdout"),
        (["{out}", "-o", "{out}/r.html"], "no ICB constitution or ICP terms of reference"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    code, _, err = run("report", *(a.format(out=tmp_path) for a in args))
    assert code == 2
    assert err.startswith("icslint: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "r.html").exists() and not (tmp_path / "r.txt").exists()


@pytest.mark.parametrize("suffix", ["html", "docx"])
def test_an_existing_output_is_kept_unless_forced(tmp_path: Path, suffix: str) -> None:
    output = tmp_path / f"board-pack.{suffix}"
    output.write_bytes(b"the secretary's own file")
    code, _, err = run("report", str(ICB), "-o", str(output))
    assert code == 2 and "already exists; use --force to replace it" in err
    assert output.read_bytes() == b"the secretary's own file"
    code, _, err = run("report", str(ICB), "-o", str(output), "--force")
    assert code == 0, err
    assert output.read_bytes() != b"the secretary's own file"
    assert sorted(p.name for p in tmp_path.iterdir()) == [output.name]


def test_a_whole_system_finding_is_a_breach_for_both_documents(tmp_path: Path) -> None:
    cross = EXAMPLES / "invalid" / "cross-document"
    code, _, output = report(tmp_path, str(cross))
    assert code == 0
    constitution, partnership = rule_tables(output.read_text(encoding="utf-8"))
    partnership_file = (cross / "partnership-terms-of-reference.yaml").as_posix()
    result, notes = constitution["ICS001"]
    assert (result, flat(html.unescape(notes))) == (
        "Breach (error)",
        f"Findings: {partnership_file} line 38 (F1).",
    )
    assert partnership["ICS001"] == ("Breach (error)", "Findings: line 38 (F1).")
