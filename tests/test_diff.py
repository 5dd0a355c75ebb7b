"""`icslint diff`: every change between two versions by YAML path, classed for an application
to NHS England, with the exit code a CI job or a board secretary relies on."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES, run

ICB = EXAMPLES / "valid" / "severnmoor-icb-constitution.yaml"
ICP = EXAMPLES / "valid" / "severnmoor-icp-terms-of-reference.yaml"
TEXT = ICB.read_text(encoding="utf-8")


def _edited(tmp_path: Path, old: str, new: str, source: Path = ICB) -> Path:
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "new.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _changes(*args: str) -> tuple[int, list[tuple[list[object], str]]]:
    code, out, _ = run("diff", "--format", "json", *args)
    data = json.loads(out)
    return code, [(c["path"], c["class"]) for c in data["changes"]]


def test_a_file_compared_with_itself_has_no_changes() -> None:
    code, out, _ = run("diff", str(ICB), str(ICB))
    assert (code, out) == (0, "No changes.\n")
    code, data, _ = run("diff", "--format", "json", str(ICB), str(ICB))
    assert json.loads(data)["changes"] == []
    assert json.loads(data)["summary"] == {"approval": 0, "local": 0, "editorial": 0}


def test_renaming_the_icb_needs_approval_and_exits_1(tmp_path: Path) -> None:
    new = _edited(
        tmp_path,
        "  name: NHS Severnmoor Integrated Care Board\n",
        "  name: NHS Wessex Integrated Care Board\n",
    )
    code, out, _ = run("diff", str(ICB), str(new))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        f'{new.as_posix()}:41:3: approval: icb.name: "NHS Severnmoor Integrated Care Board" -> '
        '"NHS Wessex Integrated Care Board"'
    )
    assert lines[1].startswith("  The ICB's name and area are set by NHS England's establishment")
    assert lines[2] == (
        "  = NHS England, Integrated care in your area, the ICB constitution can only be amended "
        "with the approval of NHS England; the establishment order specifies each ICB's name and "
        "area: https://www.england.nhs.uk/integratedcare/integrated-care-in-your-area/"
    )
    assert lines[-1] == "1 change: 1 needs NHS England's approval, 0 local, 0 editorial."
    code, data, _ = run("diff", "--format", "json", str(ICB), str(new))
    change = json.loads(data)["changes"][0]
    assert {k: change[k] for k in ("path", "old", "new", "class", "line")} == {
        "path": ["icb", "name"],
        "old": "NHS Severnmoor Integrated Care Board",
        "new": "NHS Wessex Integrated Care Board",
        "class": "approval",
        "line": 41,
    }
    assert change["citations"][0]["url"] == (
        "https://www.england.nhs.uk/integratedcare/integrated-care-in-your-area/"
    )


def test_changing_how_often_a_committee_meets_is_local(tmp_path: Path) -> None:
    new = _edited(tmp_path, "    meetings_per_year: at least 4\n", "    meetings_per_year: 6\n")
    assert _changes(str(ICB), str(new)) == (0, [(["committees", 0, "meetings_per_year"], "local")])


def test_comments_and_layout_are_not_changes(tmp_path: Path) -> None:
    new = tmp_path / "new.yaml"
    new.write_text(
        "# Re-laid out, with comments.\n"
        + TEXT.replace('  version: "2.1"\n', "  version: '2.1'   # the current version\n").replace(
            "\nsections:\n", "\n\n\nsections:\n"
        ),
        encoding="utf-8",
    )
    assert run("diff", str(ICB), str(new))[:2] == (0, "No changes.\n")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # A seat added at the top is one change; the seats below it are not changed.
        (
            "  seats:\n    - id: chair\n",
            "  seats:\n    - id: nem_extra\n      title: Non-executive Member\n      role: ordinary"
            "\n    - id: chair\n",
            [(["board", "seats", 0], "approval")],
        ),
        (
            "      appointed_by: NHS England\n      appointment_approved_by: Secretary of State\n",
            "      appointed_by: Secretary of State\n      appointment_approved_by: Secretary of "
            "State\n",
            [(["board", "seats", 0, "appointed_by"], "approval")],
        ),
        # Who holds a post follows an appointment; it does not amend the constitution.
        (
            "      appointed_by: NHS England\n      appointment_approved_by",
            "      holder: {arrangement: interim, name: Jo Bloggs}\n      appointed_by: NHS "
            "England\n      appointment_approved_by",
            [(["board", "seats", 0, "holder"], "local")],
        ),
        ('  version: "2.1"\n', '  version: "2.2"\n', [(["meta", "version"], "editorial")]),
        (
            "  - name: Quality and Performance Committee\n    kind: other\n",
            "  - name: Quality and Performance Committee\n    notes: Reviewed in 2026.\n"
            "    kind: other\n",
            [(["committees", 2, "notes"], "editorial")],
        ),
        (
            "    delegated_functions: [Assurance on quality and safety of commissioned services]\n",
            "    delegated_functions: [Assurance on quality and safety of commissioned services,"
            " Oversight of the quality account]\n",
            [(["committees", 2, "delegated_functions", 1], "local")],
        ),
        (
            "  - to: Severnmoor County Council\n    statutory_basis: s65Z5\n",
            "  - to: Severnmoor County Council\n    statutory_basis: section 65Z5\n",
            [(["delegations", 0, "statutory_basis"], "local")],
        ),
    ],
)
def test_each_part_of_a_constitution_is_classed(
    tmp_path: Path, old: str, new: str, expected: list[tuple[list[object], str]]
) -> None:
    path = _edited(tmp_path, old, new)
    code, found = _changes(str(ICB), str(path))
    assert found == expected
    assert code == (1 if any(cls == "approval" for _, cls in expected) else 0)


def test_removing_the_audit_committee_needs_approval_but_another_committee_is_local(
    tmp_path: Path,
) -> None:
    text = TEXT
    start = text.index("  - name: Audit and Risk Committee\n")
    end = text.index("  - name: Remuneration Committee\n")
    without_audit = tmp_path / "no-audit.yaml"
    without_audit.write_text(text[:start] + text[end:], encoding="utf-8")
    assert _changes(str(ICB), str(without_audit)) == (1, [(["committees", 0], "approval")])
    start = text.index("  - name: Quality and Performance Committee\n")
    end = text.index("\ndelegations:\n")
    without_quality = tmp_path / "no-quality.yaml"
    without_quality.write_text(text[:start] + text[end:], encoding="utf-8")
    assert _changes(str(ICB), str(without_quality)) == (0, [(["committees", 2], "local")])


def test_respacing_a_clause_is_editorial(tmp_path: Path) -> None:
    new = _edited(
        tmp_path,
        '  - {number: "2", heading: Composition of the Board of the ICB}\n',
        '  - {number: "2", heading: "Composition of the  Board of the ICB"}\n',
    )
    assert _changes(str(ICB), str(new)) == (0, [(["sections", 1, "heading"], "editorial")])


def test_a_partnerships_terms_of_reference_never_need_nhs_englands_approval(
    tmp_path: Path,
) -> None:
    new = _edited(
        tmp_path,
        "  - seat_title: Cabinet Member for Adult Social Care and Health\n",
        "  - seat_title: Cabinet Member for Health and Wellbeing\n",
        source=ICP,
    )
    code, found = _changes(str(ICP), str(new))
    assert code == 0
    # Two members share a title, so members are compared by their place in the list.
    assert found == [(["members", 1, "seat_title"], "local")]


def test_markdown_is_a_table_with_its_sources(tmp_path: Path) -> None:
    new = _edited(tmp_path, "    meetings_per_year: at least 4\n", "    meetings_per_year: 6\n")
    code, out, _ = run("diff", "--format", "markdown", str(ICB), str(new))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# Changes to the constitution"
    assert lines[2] == (
        f"Compared `{ICB.as_posix()}` (version 2.1) with `{new.as_posix()}` (version 2.1)."
    )
    assert lines[4] == "1 change: none needs NHS England's approval, 1 local, 0 editorial."
    assert lines[6:8] == [
        "| Where | Before | After | Class | Why |",
        "| --- | --- | --- | --- | --- |",
    ]
    assert lines[8].startswith(
        f'| `committees[0].meetings_per_year` ({new.as_posix()}, line 279) | "at least 4" | 6 | '
        "local | A committee's terms of reference"
    )
    assert lines[10] == "## Sources"


def test_the_report_can_be_written_to_a_file(tmp_path: Path) -> None:
    report = tmp_path / "changes.md"
    code, out, _ = run("diff", "--format", "markdown", "-o", str(report), str(ICB), str(ICB))
    assert (code, out) == (0, "")
    assert report.read_text(encoding="utf-8").splitlines()[4] == "No changes."


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (str(ICB), str(ICP), "{new}:1:1: is icp-terms-of-reference but {old} is icb-constitution"),
        (str(ICB), "missing.yaml", "missing.yaml: cannot read: No such file or directory"),
    ],
)
def test_versions_that_cannot_be_compared_stop_with_a_message(
    old: str, new: str, message: str
) -> None:
    code, out, err = run("diff", old, new)
    assert (code, out) == (2, "")
    assert err.startswith(f"icslint: error: {message.format(old=old, new=new)}")


def test_a_version_that_is_not_yaml_is_reported_at_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("kind: icb-constitution\nmeta: [unclosed\n", encoding="utf-8")
    code, _, err = run("diff", str(ICB), str(broken))
    assert code == 2
    assert err.startswith(f"icslint: error: {broken.as_posix()}:2:7: ")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_version_can_be_read_from_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    (tmp_path / "constitution.yaml").write_text(TEXT, encoding="utf-8")
    git("add", "constitution.yaml")
    git("commit", "-qm", "version 2.1")
    (tmp_path / "constitution.yaml").write_text(
        TEXT.replace(
            "NHS Severnmoor Integrated Care Board\n", "NHS Wessex Integrated Care Board\n", 1
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, found = _changes("HEAD:constitution.yaml", "constitution.yaml")
    assert (code, found) == (1, [(["icb", "name"], "approval")])
    code, _, err = run("diff", "HEAD~5:constitution.yaml", "constitution.yaml")
    assert code == 2
    assert err.startswith(
        "icslint: error: HEAD~5:constitution.yaml: no such file, and not a Git revision and path"
    )


def test_a_repeated_key_stops_the_comparison_at_its_line(tmp_path: Path) -> None:
    new = _edited(
        tmp_path,
        "  name: NHS Severnmoor Integrated Care Board\n",
        "  name: NHS Severnmoor Integrated Care Board\n  name: NHS Wessex Integrated Care Board\n",
    )
    code, out, err = run("diff", str(ICB), str(new))
    assert (code, out) == (2, "")
    assert err.startswith(
        f'icslint: error: {new.as_posix()}:42:3: the key "name" appears twice in the same '
        "mapping (first on line 41)"
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Quoting a number does not change what it says.
        ("      term_years: 3\n", '      term_years: "3"\n'),
        # An empty value says nothing, as a missing one does.
        ("  seats:\n    - id: chair\n", "  seats:\n    - id: chair\n      shared_with: []\n"),
        ("  seats:\n    - id: chair\n", "  seats:\n    - id: chair\n      holder: null\n"),
    ],
)
def test_what_reads_the_same_is_not_a_change(tmp_path: Path, old: str, new: str) -> None:
    text = TEXT
    assert old in text
    path = tmp_path / "new.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert _changes(str(ICB), str(path)) == (0, [])


def test_committees_added_where_there_were_none_are_classed_one_by_one(tmp_path: Path) -> None:
    text = TEXT
    start = text.index("committees:\n")
    end = text.index("\ndelegations:\n")
    old = tmp_path / "old.yaml"
    old.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    assert _changes(str(old), str(ICB)) == (
        1,
        [
            (["committees", 0], "approval"),
            (["committees", 1], "approval"),
            (["committees", 2], "local"),
        ],
    )


def test_correcting_a_councils_type_is_not_an_area_change(tmp_path: Path) -> None:
    path = _edited(
        tmp_path,
        "{name: Ashby Vale District Council, type: shire_district,",
        "{name: Ashby Vale District Council, type: non_metropolitan_district,",
    )
    code, out, _ = run("diff", "--format", "json", str(ICB), str(path))
    (change,) = json.loads(out)["changes"]
    assert (code, change["path"], change["class"]) == (
        1,
        ["local_authorities", 2, "type"],
        "approval",
    )
    assert change["reason"].startswith("This is part of the constitution")
